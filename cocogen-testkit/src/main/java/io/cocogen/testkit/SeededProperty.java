package io.cocogen.testkit;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random-instance property tests: runs a property on {@code trials} instances, each generated
 * from its own seed derived from a base seed, and on failure reports the failing seed so the case can
 * be replayed with {@link #replay}. No framework, no shrinking: the seed is the reproduction.
 */
public final class SeededProperty {
  private SeededProperty() {}

  /** A property over a seeded random generator; throw (e.g. an AssertJ failure) to fail. */
  @FunctionalInterface
  public interface Property {
    void check(RandomGenerator random, long seed) throws Exception;
  }

  /** Runs {@code property} on {@code trials} seeds derived from {@code baseSeed}. */
  public static void forAll(String name, long baseSeed, int trials, Property property) {
    SplittableRandom seeds = new SplittableRandom(baseSeed);
    for (int t = 0; t < trials; t++) {
      long seed = seeds.nextLong();
      runOne(name, t, seed, property);
    }
  }

  /** Runs {@code property} for exactly one seed (to replay a reported failure). */
  public static void replay(String name, long seed, Property property) {
    runOne(name, 0, seed, property);
  }

  private static void runOne(String name, int trial, long seed, Property property) {
    try {
      property.check(new SplittableRandom(seed), seed);
    } catch (Throwable e) {
      AssertionError failure = new AssertionError(
          "property '" + name + "' failed on trial " + trial + " with seed " + seed + "L (replay with SeededProperty.replay(\""
              + name + "\", " + seed + "L, ...)): " + e.getMessage(), e);
      throw failure;
    }
  }

  /** Log-uniform draw in {@code [lo, hi]}, for parameters spanning orders of magnitude. */
  public static double logUniform(RandomGenerator r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }
}
