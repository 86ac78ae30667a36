package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/** Entry point: the fast path for potential games, the general path otherwise. */
public final class CocogenSolver {
  private CocogenSolver() {}

  /** The certified Nash equilibrium of {@code game} with default options. */
  public static Equilibrium equilibrium(RoundGame game) {
    return equilibrium(game, SolverOptions.DEFAULT);
  }

  public static Equilibrium equilibrium(RoundGame game, SolverOptions options) {
    return new PotentialGameSolver().solve(game, options);
  }

  /** The welfare optimum (MODEL.md §6). */
  public static WelfareOptimum welfareOptimum(RoundGame game) {
    return WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
  }
}
