package io.cocogen.incentive;

/**
 * A Monte Carlo Shapley value with its uncertainty.
 *
 * @param values {@code φ̂_i}, the sample means (they sum to {@code v(N) − v(∅)} up to rounding, since every
 *     permutation's marginal contributions do)
 * @param standardErrors {@code sd_i / √samples}
 * @param lower lower ends of the confidence intervals (Student t with {@code samples − 1} degrees of freedom)
 * @param upper upper ends
 * @param confidence level of the intervals
 * @param samples independent samples (a permutation, or an antithetic pair)
 * @param permutations permutations evaluated
 * @param coalitionEvaluations coalition values computed (one per permutation prefix)
 * @param status whether the requested precision was reached
 * @param achievedPrecision {@code max_i se_i / mean_i |φ̂_i|}
 * @param requestedPrecision the precision asked for
 * @param nanos wall-clock time
 */
public record ShapleyEstimate(double[] values, double[] standardErrors, double[] lower, double[] upper,
    double confidence, long samples, long permutations, long coalitionEvaluations, Status status,
    double achievedPrecision, double requestedPrecision, long nanos) {

  /** How sampling ended. */
  public enum Status {
    /** The stopping rule on the requested precision was met. */
    CONVERGED,
    /** The sample budget ran out first; the intervals are still valid, just wider than asked. */
    MAX_SAMPLES
  }

  public boolean converged() {
    return status == Status.CONVERGED;
  }

  /** True when {@code x} lies in player {@code i}'s interval. */
  public boolean covers(int i, double x) {
    return x >= lower[i] && x <= upper[i];
  }
}
