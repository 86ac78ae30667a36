package io.cocogen.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Wall-clock timing for the harnesses that run outside JMH (peer comparison, memory probe). */
public final class Timing {
  private Timing() {}

  /** Sink for results, so the JIT cannot drop the timed work. */
  private static volatile Object sink;

  /**
   * Runs {@code task} {@code warmups} times untimed, then times it at least {@code minRuns} times and
   * until {@code minSeconds} have passed (at most {@code maxRuns}). Returns the run times in seconds.
   */
  public static double[] measure(Supplier<?> task, int warmups, int minRuns, double minSeconds, int maxRuns) {
    for (int i = 0; i < warmups; i++) {
      sink = task.get();
    }
    double[] times = new double[Math.max(minRuns, 1)];
    int count = 0;
    long start = System.nanoTime();
    while (count < maxRuns && (count < minRuns || (System.nanoTime() - start) * 1e-9 < minSeconds)) {
      long t0 = System.nanoTime();
      sink = task.get();
      long t1 = System.nanoTime();
      if (count == times.length) {
        times = Arrays.copyOf(times, times.length * 2);
      }
      times[count++] = (t1 - t0) * 1e-9;
    }
    return Arrays.copyOf(times, count);
  }

  /** Median of {@code v} (not modified). */
  public static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] c = v.clone();
    Arrays.sort(c);
    int h = c.length / 2;
    return c.length % 2 == 1 ? c[h] : 0.5 * (c[h - 1] + c[h]);
  }
}
