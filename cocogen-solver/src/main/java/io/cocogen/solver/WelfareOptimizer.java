package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * Maximises {@code SW(s) = W G(s) + Σ_j B_j g_j(s_j) − Σ_j c_j(s_j)} (MODEL.md §6). When SW is concave the
 * §4 machinery solves it as the equilibrium of the team game (every player weighted {@code W}) and a
 * coordinate-wise KKT certificate proves it. Otherwise coordinate ascent from several starts returns the
 * best point found, with a Lagrangian-dual upper bound; it is OPTIMAL only when that gap closes.
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
    double[] lambda;
    String message;
    if (concave) {
      AggregateNewton newton = new AggregateNewton(game, team);
      newton.solve(options.warmStart(), options.maxIterations());
      s = newton.s.clone();
      iterations = newton.iterations;
      evaluations = newton.evaluations;
      mu = newton.mu;
      lambda = newton.lam.clone();
      message = "concave welfare: team-game fast path, " + iterations + " Newton iterations";
    } else {
      StringBuilder why = new StringBuilder("welfare is not concave (");
      if (!(w > 0)) {
        why.append("W = ").append(w).append(" <= 0");
      } else {
        why.append("some B_j < 0");
      }
      why.append("): coordinate ascent from several starts, with a duality bound");
      double[][] starts = {new double[n], game.capacity().clone(), null};
      if (game.isPotentialGame()) {
        starts[2] = new PotentialGameSolver().solve(game, options).synthetic();
      }
      double bestW = Double.NEGATIVE_INFINITY;
      double[] best = null;
      int its = 0;
      long evals = 0;
      for (double[] st : starts) {
        if (st == null || !PotentialGameSolver.allFinite(st)) {
          continue;
        }
        Equilibrium e = BestResponseSolver.sweep(game, team, null, st, options.withMaxIterations(
            Math.min(options.maxIterations(), 200)), "coordinate-ascent");
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
      double[] z = new double[game.dimension()];
      game.aggregates(s, z);
      lambda = new double[game.dimension()];
      game.performance().commonGradient(z, lambda);
      message = why.toString();
    }
    RoundGame.Workspace ws = game.newWorkspace();
    double welfare = game.welfare(s, ws);
    double[] denom = new double[n];
    java.util.Arrays.fill(denom, welfare);
    Certificate cert;
    if (mu > 0) {
      double[] tau = new double[n];
      java.util.Arrays.fill(tau, -w * mu);
      cert = Certifier.certify(game, new Stakes(team.omega(), team.beta(), tau), null, s, denom, false);
    } else {
      cert = Certifier.certify(game, team, null, s, denom, true);
    }
    double bound = dualBound(game, s, concave ? w * mu : 0.0);
    double gap = Math.max(0.0, bound - welfare);
    double tol = options.tolerance();
    SolveState state;
    if (concave) {
      state = cert.certifies(tol) ? SolveState.OPTIMAL : SolveState.APPROXIMATE;
    } else {
      state = gap <= tol * (1 + Math.abs(welfare)) ? SolveState.OPTIMAL : SolveState.APPROXIMATE;
    }
    double[] u = new double[n];
    game.utilities(s, u, ws);
    return new WelfareOptimum(state, game.federation().ids(), s, u, welfare, bound, gap, concave, cert, iterations,
        evaluations, w * mu, lambda, message);
  }

  /**
   * Weak-duality bound: for {@code λ ∈ R^m}, {@code ν ≥ 0},
   * {@code SW* ≤ νB + sup_{z∈Z}[W G(z) − λ·z] + Σ_j sup_{s∈[0,S_j]}[B_j g_j(s) − c_j(s) + (λ·a_j − ν)s]},
   * with {@code Z} the box of reachable aggregates. Uses {@code λ = W∇G(z(s))} when {@code W > 0} (then the
   * first supremum is attained at {@code z(s)} by concavity) and {@code λ = 0} otherwise (then it is
   * {@code W·min G} over the box's vertices, G being concave).
   */
  static double dualBound(RoundGame game, double[] s, double nu) {
    int n = game.size();
    int m = game.dimension();
    double w = game.totalCommonStake();
    double[] a = game.coefficients();
    double[] cap = game.capacity();
    double[] z = new double[m];
    game.aggregates(s, z);
    double[] lambda = new double[m];
    double bound;
    if (w > 0) {
      game.performance().commonGradient(z, lambda);
      for (int k = 0; k < m; k++) {
        lambda[k] *= w;
      }
      bound = w * game.performance().commonGain(z);
      for (int k = 0; k < m; k++) {
        bound -= lambda[k] * z[k];
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
      bound = w * minG;
    }
    if (game.hasBudget() && nu > 0) {
      bound += nu * game.budget();
    } else {
      nu = 0;
    }
    double[] zeroOmega = new double[n];
    double[] tau = new double[n];
    for (int j = 0; j < n; j++) {
      double p = 0;
      for (int k = 0; k < m; k++) {
        p += lambda[k] * a[j * m + k];
      }
      tau[j] = p - nu;
    }
    Stakes separable = new Stakes(zeroOmega, game.welfarePrivateWeights(), tau);
    PlayerProblem problem = new PlayerProblem(game, separable, null);
    double[] zero = new double[n];
    double[] zz = new double[m];
    double g0 = game.performance().commonGain(zz);
    double[] bw = game.welfarePrivateWeights();
    for (int j = 0; j < n; j++) {
      problem.maximise(j, cap[j], zero, zz, g0);
      bound += Math.max(0.0, problem.gain) + bw[j] * game.performance().privateGain(j, 0.0);
    }
    return bound;
  }
}
