package io.cocogen.cli;

import io.cocogen.api.RoundGame;
import io.cocogen.incentive.ShapleyValues;
import io.cocogen.solver.SolverOptions;

/** Shapley values for the SHAPLEY sharing rule of {@code solve} and {@code demo}. */
final class ShapleySupport {
  private ShapleySupport() {}

  /**
   * Shapley values of the surplus game {@code v^SO − v^NE}: exact up to
   * {@link ShapleyValues#EXACT_SHARING_LIMIT} organizations, sampled with {@code seed} above.
   */
  static double[] surplusShares(RoundGame game, SolverOptions options, long seed) {
    return ShapleyValues.surplusValues(game, options.withSeed(seed));
  }
}
