package io.cocogen.solver;

import io.cocogen.api.Checks;

/**
 * Options of every solve.
 *
 * @param tolerance relative regret (or relative duality gap) below which a result is OPTIMAL
 * @param maxIterations outer iterations (Newton steps, best-response sweeps)
 * @param warmStart a profile to start from (length n), or null
 * @param randomSeed seed for randomised parts (multi-start, RaDG)
 */
public record SolverOptions(double tolerance, int maxIterations, double[] warmStart, long randomSeed) {
  public static final SolverOptions DEFAULT = new SolverOptions(1e-9, 500, null, 42L);

  public SolverOptions {
    Checks.positive("tolerance", tolerance);
    if (maxIterations < 1) {
      throw new io.cocogen.api.InvalidModelException("maxIterations", maxIterations, "must be >= 1");
    }
  }

  public SolverOptions withTolerance(double t) { return new SolverOptions(t, maxIterations, warmStart, randomSeed); }

  public SolverOptions withMaxIterations(int k) { return new SolverOptions(tolerance, k, warmStart, randomSeed); }

  public SolverOptions withWarmStart(double[] s) { return new SolverOptions(tolerance, maxIterations, s, randomSeed); }

  public SolverOptions withSeed(long seed) { return new SolverOptions(tolerance, maxIterations, warmStart, seed); }
}
