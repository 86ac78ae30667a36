package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/** Assembles result records (utilities, welfare, potential) from a profile. */
final class Results {
  private Results() {}

  static Equilibrium build(RoundGame game, Stakes stakes, String method, SolveState state, double[] s,
      Certificate cert, int iterations, long evaluations, double[] lambda, double mu, String message) {
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[game.size()];
    game.utilities(s, u, ws);
    return build(game, stakes, method, state, s, u, ws, cert, iterations, evaluations, lambda, mu, message);
  }

  /** As above, with the utilities {@code u} of {@code s} already computed. */
  static Equilibrium build(RoundGame game, Stakes stakes, String method, SolveState state, double[] s,
      double[] u, RoundGame.Workspace ws, Certificate cert, int iterations, long evaluations, double[] lambda,
      double mu, String message) {
    double welfare = game.welfare(s, ws);
    double potential = potential(game, stakes, s, ws);
    if (lambda == null) {
      double[] z = new double[game.dimension()];
      game.aggregates(s, z);
      lambda = new double[game.dimension()];
      game.performance().commonGradient(z, lambda);
    }
    return new Equilibrium(state, method, game.federation().ids(), s, u, welfare, potential, cert, iterations,
        evaluations, lambda, mu, game.dominatedIds(), message);
  }

  /** {@code G + Σ (β_k g_k − c_k + τ_k s_k)/ω_k}, NaN when some {@code ω_k ≤ 0}. */
  static double potential(RoundGame game, Stakes stakes, double[] s, RoundGame.Workspace ws) {
    double[] om = stakes.omega();
    double[] be = stakes.beta();
    double[] ta = stakes.tau();
    double total = game.commonGain(s, ws);
    for (int k = 0; k < s.length; k++) {
      if (!(om[k] > 0)) {
        return Double.NaN;
      }
      total += (be[k] * game.performance().privateGain(k, s[k]) - game.cost().cost(k, s[k]) + ta[k] * s[k]) / om[k];
    }
    return total;
  }

  static Equilibrium failed(RoundGame game, String method, String why, int iterations, long evaluations) {
    int n = game.size();
    double[] nan = new double[n];
    java.util.Arrays.fill(nan, Double.NaN);
    Certificate c = new Certificate(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, -1, nan, nan, false);
    return new Equilibrium(SolveState.FAILED, method, game.federation().ids(), nan, nan, Double.NaN, Double.NaN, c,
        iterations, evaluations, new double[game.dimension()], 0, game.dominatedIds(), why);
  }
}
