package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * The general path: damped Gauss–Seidel best-response dynamics with exact global one-dimensional best
 * responses, for games that are not positive-weight potential games (competition-dominated
 * organizations, payoff adjustments that break the structure). Convergence is not guaranteed; the
 * result carries the certificate of the best profile seen and says APPROXIMATE when it does not meet
 * the tolerance.
 */
public final class BestResponseSolver implements EquilibriumSolver {

  @Override
  public Equilibrium solve(RoundGame game, SolverOptions options) {
    return solve(game, Stakes.nash(game), null, options);
  }

  /** Solves the game with objectives {@code stakes} plus an optional adjustment. */
  public Equilibrium solve(RoundGame game, Stakes stakes, PayoffAdjustment adjustment, SolverOptions options) {
    double[] start;
    if (options.warmStart() != null) {
      game.validateProfile(options.warmStart());
      start = options.warmStart().clone();
    } else {
      start = new double[game.size()];
    }
    String method = "best-response";
    Equilibrium e = sweep(game, stakes, adjustment, start, options, method);
    if (!game.isPotentialGame() && adjustment == null && stakes.omega() == game.commonStakes()) {
      String note = "not a positive-weight potential game: competition-dominated organizations "
          + game.dominatedIds() + " have w_i <= 0; general path used. " + e.message();
      e = new Equilibrium(e.state(), e.method(), e.ids(), e.synthetic(), e.utilities(), e.welfare(), e.potential(),
          e.certificate(), e.iterations(), e.evaluations(), e.shadowPrices(), e.budgetPrice(),
          e.competitionDominated(), note);
    }
    return e;
  }

  static Equilibrium sweep(RoundGame game, Stakes stakes, PayoffAdjustment adjustment, double[] start,
      SolverOptions options, String method) {
    int n = game.size();
    int m = game.dimension();
    double[] a = game.coefficients();
    double[] cap = game.capacity();
    double budget = game.budget();
    double[] s = start.clone();
    if (budget != Double.POSITIVE_INFINITY) {
      double total = 0;
      for (double v : s) {
        total += v;
      }
      if (total > budget && total > 0) {
        double f = budget / total;
        for (int i = 0; i < n; i++) {
          s[i] *= f;
        }
      }
    }
    PlayerProblem p = new PlayerProblem(game, stakes, adjustment);
    double[] z = new double[m];
    double[] best = s.clone();
    Certificate bestCert = Certifier.certify(game, stakes, adjustment, s, null);
    double damping = 1.0;
    int stall = 0;
    int it = 0;
    for (; it < options.maxIterations() && !bestCert.certifies(options.tolerance()); it++) {
      game.aggregates(s, z);
      double total = 0;
      for (double v : s) {
        total += v;
      }
      for (int i = 0; i < n; i++) {
        double upper = cap[i];
        if (budget != Double.POSITIVE_INFINITY) {
          upper = Math.min(upper, Math.max(0.0, budget - (total - s[i])));
        }
        double g0 = game.performance().commonGain(z);
        p.maximise(i, upper, s, z, g0);
        double next = s[i] + damping * (p.argmax - s[i]);
        next = Math.min(upper, Math.max(0.0, next));
        double d = next - s[i];
        if (d != 0) {
          for (int k = 0; k < m; k++) {
            z[k] += a[i * m + k] * d;
          }
          total += d;
          s[i] = next;
        }
      }
      if (!PotentialGameSolver.allFinite(s)) {
        return Results.failed(game, method, "non-finite best responses after " + (it + 1) + " sweeps", it + 1,
            p.evaluations);
      }
      Certificate c = Certifier.certify(game, stakes, adjustment, s, null);
      if (c.maxRelativeRegret() < bestCert.maxRelativeRegret()) {
        if (c.maxRelativeRegret() > 0.9 * bestCert.maxRelativeRegret()) {
          stall++;
        } else {
          stall = 0;
        }
        bestCert = c;
        System.arraycopy(s, 0, best, 0, n);
      } else {
        stall++;
      }
      if (stall >= 8 && damping > 1.0 / 64) {
        damping *= 0.5;
        stall = 0;
      }
    }
    SolveState state = bestCert.certifies(options.tolerance()) ? SolveState.OPTIMAL : SolveState.APPROXIMATE;
    String msg = "best-response dynamics: " + it + " sweeps, final damping " + damping + ", max relative regret "
        + bestCert.maxRelativeRegret();
    return Results.build(game, stakes, method, state, best, bestCert, it, p.evaluations, null, 0.0, msg);
  }
}
