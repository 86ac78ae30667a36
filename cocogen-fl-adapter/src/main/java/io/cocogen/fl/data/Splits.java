package io.cocogen.fl.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded stratified splits: each class is shuffled on its own and cut at the same fraction, so both
 * parts keep the class proportions of the whole (up to rounding per class). Rows keep their original
 * order inside each part.
 */
public final class Splits {
  private Splits() {}

  /** Training and test parts. */
  public record TrainTest(Dataset train, Dataset test) {}

  /** The rest and a held-out part, e.g. the "public" data that fits the GenAI stand-in. */
  public record Holdout(Dataset rest, Dataset holdout) {}

  /** Stratified train/test split with {@code testFraction} of each class in the test part. */
  public static TrainTest trainTest(Dataset data, double testFraction, long seed) {
    int[][] parts = stratifiedCut(data, testFraction, "testFraction", seed);
    return new TrainTest(data.subset(parts[0]), data.subset(parts[1]));
  }

  /** Stratified holdout: {@code fraction} of each class goes to the holdout part. */
  public static Holdout holdout(Dataset data, double fraction, long seed) {
    int[][] parts = stratifiedCut(data, fraction, "fraction", seed);
    return new Holdout(data.subset(parts[0]), data.subset(parts[1]));
  }

  /** A stratified sample of {@code count} rows (e.g. to shrink Fashion-MNIST for a quick run). */
  public static Dataset stratifiedSample(Dataset data, int count, long seed) {
    if (count < 0 || count > data.size()) {
      throw new IllegalArgumentException("count = " + count + ": must be in [0, " + data.size() + "]");
    }
    if (count == data.size()) {
      return data;
    }
    // Largest-remainder quotas so the sample has exactly `count` rows.
    int[] hist = data.labelHistogram();
    int k = hist.length;
    int[] quota = new int[k];
    double[] rem = new double[k];
    int assigned = 0;
    for (int c = 0; c < k; c++) {
      double exact = (double) hist[c] * count / data.size();
      quota[c] = (int) Math.floor(exact);
      rem[c] = exact - quota[c];
      assigned += quota[c];
    }
    while (assigned < count) {
      int best = -1;
      for (int c = 0; c < k; c++) {
        if (quota[c] < hist[c] && (best < 0 || rem[c] > rem[best])) {
          best = c;
        }
      }
      quota[best]++;
      rem[best] = -1;
      assigned++;
    }
    int[][] byClass = indicesByClass(data);
    SplittableRandom rng = Seeds.random(seed, 0x5A);
    int[] chosen = new int[count];
    int n = 0;
    for (int c = 0; c < k; c++) {
      int[] idx = byClass[c];
      shuffle(idx, rng);
      System.arraycopy(idx, 0, chosen, n, quota[c]);
      n += quota[c];
    }
    Arrays.sort(chosen);
    return data.subset(chosen);
  }

  /**
   * Draws {@code count} rows with replacement so that labels follow {@code classDistribution}: first a
   * class from the distribution, then a uniform row of that class. This is the literal "test set with
   * a client's label mix"; its expected accuracy is the class-weighted accuracy that training metrics
   * use without resampling noise.
   */
  public static Dataset resampleToDistribution(Dataset data, double[] classDistribution, int count, RandomGenerator rng) {
    if (classDistribution == null || classDistribution.length != data.numClasses()) {
      throw new IllegalArgumentException("classDistribution: length must be numClasses = " + data.numClasses());
    }
    if (count < 0) {
      throw new IllegalArgumentException("count = " + count + ": must be >= 0");
    }
    int[][] byClass = indicesByClass(data);
    double total = 0;
    for (int c = 0; c < classDistribution.length; c++) {
      double p = classDistribution[c];
      if (!(p >= 0) || !Double.isFinite(p)) {
        throw new IllegalArgumentException("classDistribution[" + c + "] = " + p + ": must be finite and >= 0");
      }
      if (p > 0 && byClass[c].length == 0) {
        throw new IllegalArgumentException("classDistribution[" + c + "] = " + p + ": class " + c + " has no rows to draw from");
      }
      total += p;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("classDistribution: must have a positive entry");
    }
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      double u = rng.nextDouble() * total;
      int c = 0;
      double acc = classDistribution[0];
      while (u >= acc && c < classDistribution.length - 1) {
        c++;
        acc += classDistribution[c];
      }
      while (classDistribution[c] == 0) {
        c--; // only reachable through rounding at the top end
      }
      chosen[i] = byClass[c][rng.nextInt(byClass[c].length)];
    }
    return data.subset(chosen);
  }

  static int[][] stratifiedCut(Dataset data, double fraction, String field, long seed) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException(field + " = " + fraction + ": must be in [0, 1]");
    }
    int[][] byClass = indicesByClass(data);
    SplittableRandom rng = Seeds.random(seed, 0x51);
    boolean[] second = new boolean[data.size()];
    int nSecond = 0;
    for (int[] idx : byClass) {
      shuffle(idx, rng);
      int take = (int) Math.round(fraction * idx.length);
      for (int i = 0; i < take; i++) {
        second[idx[i]] = true;
      }
      nSecond += take;
    }
    int[] a = new int[data.size() - nSecond];
    int[] b = new int[nSecond];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < data.size(); i++) {
      if (second[i]) {
        b[ib++] = i;
      } else {
        a[ia++] = i;
      }
    }
    return new int[][] {a, b};
  }

  static int[][] indicesByClass(Dataset data) {
    int[] hist = data.labelHistogram();
    int[][] byClass = new int[hist.length][];
    for (int c = 0; c < hist.length; c++) {
      byClass[c] = new int[hist[c]];
    }
    int[] fill = new int[hist.length];
    for (int i = 0; i < data.size(); i++) {
      int y = data.label(i);
      byClass[y][fill[y]++] = i;
    }
    return byClass;
  }

  /** Fisher-Yates shuffle in place. */
  static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
