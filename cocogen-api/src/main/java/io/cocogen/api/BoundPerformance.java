package io.cocogen.api;

/**
 * A performance model bound to one federation: the common gain {@code G(z)} over {@code m} linear
 * aggregates and every organization's private gain {@code g_i(s_i)}. Implementations must not allocate
 * in these methods; the solvers call them in hot loops.
 */
public interface BoundPerformance {

  /** {@code m}, the number of linear aggregates. */
  int dimension();

  /** {@code a_jk}: weight of organization {@code j}'s synthetic samples in aggregate {@code k}. */
  double coefficient(int j, int k);

  /** {@code G(z)}, concave. */
  double commonGain(double[] z);

  /** {@code ∇G(z)} into {@code out} (length m). */
  void commonGradient(double[] z, double[] out);

  /** {@code ∇²G(z)} into {@code out}, row-major m×m. */
  void commonHessian(double[] z, double[] out);

  /** {@code g_i(s)}, concave and non-decreasing in {@code s}. */
  double privateGain(int i, double s);

  /** {@code g_i'(s)}. */
  double privateSlope(int i, double s);

  /** {@code g_i''(s) ≤ 0}. */
  double privateCurvature(int i, double s);
}
