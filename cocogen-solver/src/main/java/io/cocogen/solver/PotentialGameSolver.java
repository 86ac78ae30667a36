package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * The fast path (MODEL.md §4) for positive-weight potential games: damped Newton on the m aggregates,
 * O(n) per iteration, then the §5 certificate. A game with competition-dominated organizations is
 * handed to {@link BestResponseSolver}, and the result says so. A fast-path result whose certificate
 * fails is polished by best-response sweeps before it is reported.
 */
public final class PotentialGameSolver implements EquilibriumSolver {

  @Override
  public Equilibrium solve(RoundGame game, SolverOptions options) {
    if (!game.isPotentialGame()) {
      return new BestResponseSolver().solve(game, options);
    }
    return solveSeparable(game, Stakes.nash(game), options, "fast-path");
  }

  /**
   * Solves the separable game {@code stakes} (every {@code ω_i > 0}, {@code β_i ≥ 0}) by the fast path and
   * certifies it in that game. Used for the Nash game, the game with per-unit subsidies, and the
   * welfare team game.
   */
  public static Equilibrium solveSeparable(RoundGame game, Stakes stakes, SolverOptions options, String method) {
    if (!stakes.fastPathApplies()) {
      throw new IllegalArgumentException("the fast path needs every omega_i > 0 and beta_i >= 0");
    }
    AggregateNewton newton = new AggregateNewton(game, stakes);
    double[] warm = options.warmStart();
    if (warm != null) {
      game.validateProfile(warm);
    }
    boolean converged = newton.solve(warm, options.maxIterations());
    double[] s = newton.s.clone();
    if (!allFinite(s)) {
      return Results.failed(game, method, "non-finite responses", newton.iterations, newton.evaluations);
    }
    // Utilities once, for the certificate's relative regrets and for the result.
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[s.length];
    game.utilities(s, u, ws);
    Certificate cert = Certifier.certify(game, stakes, null, s, Certifier.withTransfers(u, stakes.tau(), s));
    String message = (converged ? "aggregate fixed point converged" : "aggregate fixed point stalled")
        + " after " + newton.iterations + " Newton iterations";
    if (!cert.certifies(options.tolerance())) {
      Equilibrium polished = BestResponseSolver.sweep(game, stakes, null, s, options, method + "+best-response");
      if (polished.certificate().maxRelativeRegret() < cert.maxRelativeRegret()) {
        return polished;
      }
    }
    SolveState state = cert.certifies(options.tolerance()) ? SolveState.OPTIMAL : SolveState.APPROXIMATE;
    return Results.build(game, stakes, method, state, s, u, ws, cert, newton.iterations, newton.evaluations,
        newton.lam.clone(), newton.mu, message);
  }

  static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
