package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;

/**
 * Options of permutation-sampling Shapley values.
 *
 * @param seed seed of the permutations; the same seed gives the same estimate on any number of threads
 * @param precision stop once every player's standard error is at most {@code precision · mean_i |φ_i|}
 *     (e.g. 0.01 for 1%)
 * @param minSamples samples before the stopping rule is consulted (keeps the standard errors meaningful)
 * @param maxSamples stop here even if the precision is not reached (the estimate then says so)
 * @param antithetic pair every permutation with its reverse; a sample is then the pair's mean
 * @param batchSize samples drawn between two checks of the stopping rule (fixed, so the result does not
 *     depend on the thread count)
 * @param confidence level of the reported intervals, e.g. 0.95
 */
public record MonteCarloOptions(long seed, double precision, int minSamples, int maxSamples, boolean antithetic,
    int batchSize, double confidence) {

  /** Seed 42, 1% precision, 30 to 100 000 antithetic samples in batches of 16, 95% intervals. */
  public static final MonteCarloOptions DEFAULT = new MonteCarloOptions(42L, 0.01, 30, 100_000, true, 16, 0.95);

  public MonteCarloOptions {
    if (!(precision > 0) || !Double.isFinite(precision)) {
      throw new InvalidModelException("precision", precision, "must be a finite number > 0");
    }
    if (minSamples < 2) {
      throw new InvalidModelException("minSamples", minSamples, "must be >= 2 (a standard error needs two samples)");
    }
    if (maxSamples < minSamples) {
      throw new InvalidModelException("maxSamples", maxSamples, "must be >= minSamples = " + minSamples);
    }
    if (batchSize < 1) {
      throw new InvalidModelException("batchSize", batchSize, "must be >= 1");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new InvalidModelException("confidence", confidence, "must be in (0, 1)");
    }
  }

  public MonteCarloOptions withSeed(long s) {
    return new MonteCarloOptions(s, precision, minSamples, maxSamples, antithetic, batchSize, confidence);
  }

  public MonteCarloOptions withPrecision(double p) {
    return new MonteCarloOptions(seed, p, minSamples, maxSamples, antithetic, batchSize, confidence);
  }

  public MonteCarloOptions withSamples(int min, int max) {
    return new MonteCarloOptions(seed, precision, min, max, antithetic, batchSize, confidence);
  }

  public MonteCarloOptions withAntithetic(boolean a) {
    return new MonteCarloOptions(seed, precision, minSamples, maxSamples, a, batchSize, confidence);
  }

  public MonteCarloOptions withBatchSize(int b) {
    return new MonteCarloOptions(seed, precision, minSamples, maxSamples, antithetic, b, confidence);
  }

  public MonteCarloOptions withConfidence(double c) {
    return new MonteCarloOptions(seed, precision, minSamples, maxSamples, antithetic, batchSize, c);
  }
}
