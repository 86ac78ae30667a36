package io.cocogen.solver;

/**
 * Regret certificate of a profile (MODEL.md §5): each organization's exact best response to the others,
 * and how much it would gain by switching.
 *
 * @param maxRegret {@code max_i r_i}, money
 * @param maxRelativeRegret {@code max_i r_i/(1+|U_i(s)|)}
 * @param worst index of the organization attaining the relative maximum (−1 when n = 0)
 * @param regrets {@code r_i ≥ 0} per organization
 * @param bestResponses {@code s_i^BR} per organization
 * @param concave true when every organization's one-dimensional problem was provably concave, so each
 *     best response is a proven global maximiser; false when stationary points were bracketed on a grid
 */
public record Certificate(double maxRegret, double maxRelativeRegret, int worst, double[] regrets,
    double[] bestResponses, boolean concave) {

  /** True when the relative regret is at most {@code tolerance}. */
  public boolean certifies(double tolerance) {
    return maxRelativeRegret <= tolerance;
  }
}
