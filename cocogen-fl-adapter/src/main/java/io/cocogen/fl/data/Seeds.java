package io.cocogen.fl.data;

import java.util.SplittableRandom;

/**
 * Deterministic seed derivation: mixes a base seed with indices (round, client, ...) through the
 * SplitMix64 finalizer, so each stream depends only on its coordinates and never on thread scheduling
 * or on how many streams were drawn before it.
 */
public final class Seeds {
  private Seeds() {}

  /** A seed that depends on {@code base} and every entry of {@code parts}, in order. */
  public static long derive(long base, long... parts) {
    long h = mix(base ^ 0x9E3779B97F4A7C15L);
    for (long p : parts) {
      h = mix((h + 0x9E3779B97F4A7C15L * (p + 1)) ^ (h >>> 29));
    }
    return h;
  }

  /** A fresh generator seeded with {@link #derive(long, long...)}. */
  public static SplittableRandom random(long base, long... parts) {
    return new SplittableRandom(derive(base, parts));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
