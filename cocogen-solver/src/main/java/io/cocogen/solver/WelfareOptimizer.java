package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * Maximises {@code SW(s) = W G(s) + Σ_j B_j g_j(s_j) − Σ_j c_j(s_j)} (MODEL.md §6). When SW is concave the
 * §4 machinery solves it as the equilibrium of the team game (every player weighted {@code W}); should
 * that not close the gap, exact coordinate ascent polishes it. Otherwise coordinate ascent from several
 * starts (including the equilibrium) returns the best point found. Either way a Lagrangian-dual upper bound
 * comes with the plan, and the result is OPTIMAL only when that gap closes (the coordinate-wise KKT
 * certificate is reported too).
 */
public final class WelfareOptimizer {
  private WelfareOptimizer() {}

  public static WelfareOptimum optimize(RoundGame game, SolverOptions options) {
    Stakes team = Stakes.welfare(game);
    int n = game.size();
    double w = game.totalCommonStake();
    boolean concave = team.fastPathApplies();
    double[] s;
    int iterations;
    long evaluations;
    double mu = 0;
    String message;
    Proof proof = null;
    if (options.warmStart() != null) {
      game.validateProfile(options.warmStart());
    }
    SolverOptions ascent = options.withWarmStart(null).withMaxIterations(Math.min(options.maxIterations(), 200));
    if (concave) {
      AggregateNewton newton = new AggregateNewton(game, team);
      boolean converged = newton.solve(options.warmStart(), options.maxIterations());
      s = newton.s.clone();
      if (game.hasBudget()) {
        fitBudget(s, game.budget());
      }
      iterations = newton.iterations;
      evaluations = newton.evaluations;
      mu = newton.mu;
      message = "concave welfare: team-game fast path, " + iterations + " Newton iterations"
          + (converged ? "" : " (aggregate fixed point stalled)");
      proof = prove(game, team, s, w * mu, options.tolerance());
      if (!proof.closed()) {
        // The fast path did not reach a provable optimum (nearly linear organizations make the aggregate
        // map nearly discontinuous): exact coordinate ascent from its point, kept only if it is better.
        Equilibrium e = BestResponseSolver.sweep(game, team, null, s, ascent, "coordinate-ascent");
        iterations += e.iterations();
        evaluations += e.evaluations();
        if (PotentialGameSolver.allFinite(e.synthetic()) && e.welfare() > proof.welfare()) {
          s = e.synthetic();
          mu = 0;
          proof = null;
          message += "; polished by coordinate ascent (" + e.iterations() + " sweeps)";
        }
      }
    } else {
      StringBuilder why = new StringBuilder("welfare is not concave (");
      if (!(w > 0)) {
        why.append("W = ").append(w).append(" <= 0");
      } else {
        why.append("some B_j < 0");
      }
      why.append("): coordinate ascent from several starts (nobody, everybody at capacity, the equilibrium),"
          + " with a duality bound");
      // Coordinate ascent never lowers SW, so starting from the equilibrium guarantees SW(s^SO) >= SW(s^NE).
      double[][] starts = {new double[n], game.capacity().clone(),
          CocogenSolver.equilibrium(game, options.withWarmStart(null)).synthetic()};
      double bestW = Double.NEGATIVE_INFINITY;
      double[] best = null;
      int its = 0;
      long evals = 0;
      for (double[] st : starts) {
        if (!PotentialGameSolver.allFinite(st)) {
          continue;
        }
        Equilibrium e = BestResponseSolver.sweep(game, team, null, st, ascent, "coordinate-ascent");
        its += e.iterations();
        evals += e.evaluations();
        if (e.welfare() > bestW) {
          bestW = e.welfare();
          best = e.synthetic();
        }
      }
      s = best;
      iterations = its;
      evaluations = evals;
      message = why.toString();
    }
    if (proof == null) {
      proof = prove(game, team, s, w * mu, options.tolerance());
    }
    double[] z = new double[game.dimension()];
    game.aggregates(s, z);
    double[] lambda = new double[game.dimension()];
    game.performance().commonGradient(z, lambda);
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[n];
    game.utilities(s, u, ws);
    // The duality gap is the proof: SW* − SW(s) ≤ gap for the feasible plan s. (Coordinate-wise optimality
    // of the Lagrangian alone would also need complementary slackness, and for nearly linear organizations
    // it is ill-conditioned in the budget price; the certificate is reported alongside.)
    SolveState state = proof.closed() ? SolveState.OPTIMAL : SolveState.APPROXIMATE;
    return new WelfareOptimum(state, game.federation().ids(), s, u, proof.welfare(), proof.bound(), proof.gap(),
        concave, proof.certificate(), iterations, evaluations, w * mu, lambda, message);
  }

  /** Welfare of a plan, its coordinate certificate, a duality bound and whether the gap closes. */
  private record Proof(double welfare, Certificate certificate, double bound, double gap, boolean closed) {}

  /**
   * @param nu the budget's price in welfare units from the fast path, or 0
   */
  private static Proof prove(RoundGame game, Stakes team, double[] s, double nu, double tol) {
    int n = game.size();
    RoundGame.Workspace ws = game.newWorkspace();
    double welfare = game.welfare(s, ws);
    double[] denom = new double[n];
    java.util.Arrays.fill(denom, welfare);
    Certificate cert;
    if (nu > 0) {
      double[] tau = new double[n];
      java.util.Arrays.fill(tau, -nu);
      cert = Certifier.certify(game, new Stakes(team.omega(), team.beta(), tau), null, s, denom, false);
    } else {
      cert = Certifier.certify(game, team, null, s, denom, true);
    }
    double bound = dualBound(game, s, nu);
    if (game.hasBudget() && !(bound - welfare <= tol * (1 + Math.abs(welfare)))) {
      bound = Math.min(bound, dualBound(game, s, nu, true));
    }
    double gap = Math.max(0.0, bound - welfare);
    return new Proof(welfare, cert, bound, gap, gap <= tol * (1 + Math.abs(welfare)));
  }

  /**
   * Scales {@code s} down proportionally when it exceeds the budget (a stalled budget search), so the
   * returned plan is always feasible; the certificate and the gap then report how far it is from optimal.
   */
  static void fitBudget(double[] s, double budget) {
    double total = 0;
    for (double v : s) {
      total += v;
    }
    if (!(total > budget * (1 + 1e-12))) {
      return;
    }
    double f = budget / total;
    for (int i = 0; i < s.length; i++) {
      s[i] *= f;
    }
  }

  /**
   * Weak-duality bound:
   * {@code SW* ≤ νB + sup_{z∈Z}[W G(z) − λ·z] + Σ_j sup_{s∈[0,S_j]}[B_j g_j(s) − c_j(s) + (λ·a_j − ν)s]},
   * valid for every {@code λ ∈ R^m} and {@code ν ≥ 0}, with {@code Z} the box of reachable aggregates. Uses
   * {@code λ = W∇G(z(s))} when {@code W > 0} (then the first supremum is attained at {@code z(s)} by
   * concavity) and {@code λ = 0} otherwise (then it is {@code W·min G} over the box's vertices, G being
   * concave), and the given {@code ν} (0 without a budget).
   */
  static double dualBound(RoundGame game, double[] s, double nu) {
    return dualBound(game, s, nu, false);
  }

  /**
   * As {@link #dualBound(RoundGame, double[], double)}; with {@code searchNu} and a budget, also minimises
   * the bound over {@code ν ≥ 0} (a convex function of {@code ν} whose slope is {@code B} minus the total of
   * the separable maximisers) by bisection, and returns the least bound evaluated. Nearly linear
   * organizations need this: with a slightly wrong price their separable supremum runs to the capacity.
   */
  static double dualBound(RoundGame game, double[] s, double nu, boolean searchNu) {
    int n = game.size();
    int m = game.dimension();
    double w = game.totalCommonStake();
    double[] a = game.coefficients();
    double[] cap = game.capacity();
    double[] z = new double[m];
    game.aggregates(s, z);
    double[] lambda = new double[m];
    double constant;
    if (w > 0) {
      game.performance().commonGradient(z, lambda);
      for (int k = 0; k < m; k++) {
        lambda[k] *= w;
      }
      constant = w * game.performance().commonGain(z);
      for (int k = 0; k < m; k++) {
        constant -= lambda[k] * z[k];
      }
    } else {
      double[] lo = new double[m];
      double[] hi = new double[m];
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < m; k++) {
          double v = a[j * m + k] * cap[j];
          if (v < 0) {
            lo[k] += v;
          } else {
            hi[k] += v;
          }
        }
      }
      double minG = Double.POSITIVE_INFINITY;
      double[] v = new double[m];
      for (int mask = 0; mask < (1 << m); mask++) {
        for (int k = 0; k < m; k++) {
          v[k] = ((mask >> k) & 1) == 1 ? hi[k] : lo[k];
        }
        minG = Math.min(minG, game.performance().commonGain(v));
      }
      constant = w * minG;
    }
    double[] price = new double[n];
    for (int j = 0; j < n; j++) {
      double p = 0;
      for (int k = 0; k < m; k++) {
        p += lambda[k] * a[j * m + k];
      }
      price[j] = p;
    }
    Separable sep = new Separable(game, price);
    if (!game.hasBudget()) {
      return constant + sep.value(0.0);
    }
    double budget = game.budget();
    double best = constant + (nu > 0 ? nu * budget + sep.value(nu) : sep.value(0.0));
    if (!searchNu) {
      return best;
    }
    // f(ν) = νB + sep(ν) is convex with slope B − total(ν); total(ν) is non-increasing.
    double f0 = constant + sep.value(0.0);
    best = Math.min(best, f0);
    if (sep.total <= budget) {
      return best;
    }
    double lo = 0;
    double hi = 0;
    double[] bw = game.welfarePrivateWeights();
    for (int j = 0; j < n; j++) {
      if (cap[j] > 0) {
        double slope = price[j] + Math.max(0.0, bw[j] * game.performance().privateSlope(j, 0.0))
            - game.cost().marginal(j, 0.0);
        hi = Math.max(hi, slope);
      }
    }
    hi = Math.max(hi * (1 + 1e-12), Double.MIN_NORMAL);
    for (int guard = 0; guard < 200; guard++) {
      double f = constant + hi * budget + sep.value(hi);
      best = Math.min(best, f);
      if (sep.total <= budget) {
        break;
      }
      lo = hi;
      hi *= 2;
    }
    for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
      double mid = 0.5 * (lo + hi);
      double f = constant + mid * budget + sep.value(mid);
      best = Math.min(best, f);
      if (sep.total > budget) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return best;
  }

  /** {@code Σ_j sup_{s∈[0,S_j]}[B_j g_j(s) − c_j(s) + (p_j − ν)s]} and the total of the maximisers. */
  private static final class Separable {
    private final RoundGame game;
    private final double[] price;
    private final double[] tau;
    private final PlayerProblem problem;
    private final double[] zero;
    private final double[] zz;
    private final double g0;
    double total;

    Separable(RoundGame game, double[] price) {
      this.game = game;
      this.price = price;
      int n = game.size();
      tau = new double[n];
      problem = new PlayerProblem(game, new Stakes(new double[n], game.welfarePrivateWeights(), tau), null);
      zero = new double[n];
      zz = new double[game.dimension()];
      g0 = game.performance().commonGain(zz);
    }

    double value(double nu) {
      int n = game.size();
      double[] cap = game.capacity();
      double[] bw = game.welfarePrivateWeights();
      for (int j = 0; j < n; j++) {
        tau[j] = price[j] - nu;
      }
      double v = 0;
      double t = 0;
      for (int j = 0; j < n; j++) {
        problem.maximise(j, cap[j], zero, zz, g0);
        double gain = Math.max(0.0, problem.gain);
        v += gain + bw[j] * game.performance().privateGain(j, 0.0);
        t += gain > 0 ? problem.argmax : 0.0;
      }
      total = t;
      return v;
    }
  }
}
