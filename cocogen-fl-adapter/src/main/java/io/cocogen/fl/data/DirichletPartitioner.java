package io.cocogen.fl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Splits a data set over organizations with Dirichlet label skew, the usual non-IID benchmark of
 * federated learning: for every class, proportions over the organizations are drawn from a symmetric
 * Dirichlet(alpha) and that class's shuffled rows are cut accordingly. Large alpha (100) is close to
 * IID; small alpha (0.1) gives most of a class to one or two organizations.
 *
 * <p>Every organization is guaranteed {@code minSamples} rows: a draw that misses the minimum is redrawn
 * (up to {@value #MAX_REDRAWS} times, continuing the same random stream), and if all draws miss it, rows
 * are moved one at a time from the largest organization to the smallest. Same data, seed and settings
 * give a bit-identical partition ({@link StrictMath} keeps it so across machines).
 */
public final class DirichletPartitioner {
  /** Redraws before falling back to moving rows. */
  public static final int MAX_REDRAWS = 100;

  private final int numOrganizations;
  private final double alpha;
  private final int minSamples;

  /**
   * @param numOrganizations number of parts, at least 1
   * @param alpha Dirichlet concentration, finite and positive
   * @param minSamples rows every organization must get, at least 0
   */
  public DirichletPartitioner(int numOrganizations, double alpha, int minSamples) {
    if (numOrganizations < 1) {
      throw new IllegalArgumentException("numOrganizations = " + numOrganizations + ": must be >= 1");
    }
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha = " + alpha + ": must be finite and > 0");
    }
    if (minSamples < 0) {
      throw new IllegalArgumentException("minSamples = " + minSamples + ": must be >= 0");
    }
    this.numOrganizations = numOrganizations;
    this.alpha = alpha;
    this.minSamples = minSamples;
  }

  /** Number of organizations. */
  public int numOrganizations() {
    return numOrganizations;
  }

  /** Dirichlet concentration. */
  public double alpha() {
    return alpha;
  }

  /** Guaranteed rows per organization. */
  public int minSamples() {
    return minSamples;
  }

  /** The parts as data sets, one per organization. */
  public List<Dataset> partition(Dataset data, long seed) {
    int[][] idx = assign(data, seed);
    List<Dataset> parts = new ArrayList<>(idx.length);
    for (int[] rows : idx) {
      parts.add(data.subset(rows));
    }
    return parts;
  }

  /**
   * Row indices of each organization, each array sorted ascending; every row of {@code data} appears in
   * exactly one array.
   */
  public int[][] assign(Dataset data, long seed) {
    if ((long) numOrganizations * minSamples > data.size()) {
      throw new IllegalArgumentException("minSamples = " + minSamples + ": " + numOrganizations + " organizations x " + minSamples
          + " exceeds the " + data.size() + " rows of the data set");
    }
    SplittableRandom rng = Seeds.random(seed, 0xD1);
    int[][] byClass = Splits.indicesByClass(data);
    int[] owner = new int[data.size()];
    int[] counts = new int[numOrganizations];
    for (int attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
      Arrays.fill(counts, 0);
      for (int[] rows : byClass) {
        int[] shuffled = rows.clone();
        Splits.shuffle(shuffled, rng);
        double[] p = sampleDirichlet(alpha, numOrganizations, rng);
        int start = 0;
        double cum = 0;
        for (int o = 0; o < numOrganizations; o++) {
          cum += p[o];
          int end = o == numOrganizations - 1 ? shuffled.length : (int) Math.min(shuffled.length, Math.round(cum * shuffled.length));
          end = Math.max(end, start);
          for (int i = start; i < end; i++) {
            owner[shuffled[i]] = o;
          }
          counts[o] += end - start;
          start = end;
        }
      }
      if (min(counts) >= minSamples) {
        break;
      }
    }
    topUp(owner, counts);
    int[][] result = new int[numOrganizations][];
    int[] fill = new int[numOrganizations];
    for (int o = 0; o < numOrganizations; o++) {
      result[o] = new int[counts[o]];
    }
    for (int i = 0; i < owner.length; i++) {
      result[owner[i]][fill[owner[i]]++] = i;
    }
    return result;
  }

  /** Moves rows from the largest to the smallest organization until all have {@code minSamples}. */
  private void topUp(int[] owner, int[] counts) {
    while (true) {
      int small = argMin(counts);
      if (counts[small] >= minSamples) {
        return;
      }
      int large = argMax(counts);
      // The last row of the largest organization: deterministic and cheap to find.
      for (int i = owner.length - 1; i >= 0; i--) {
        if (owner[i] == large) {
          owner[i] = small;
          break;
        }
      }
      counts[large]--;
      counts[small]++;
    }
  }

  /**
   * A draw from the symmetric Dirichlet(alpha) on {@code k} categories. Works in log space so tiny
   * alpha (where gamma draws underflow to zero) still gives a valid probability vector.
   */
  public static double[] sampleDirichlet(double alpha, int k, RandomGenerator rng) {
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha = " + alpha + ": must be finite and > 0");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + ": must be >= 1");
    }
    double[] logs = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      logs[i] = logGamma(alpha, rng);
      max = Math.max(max, logs[i]);
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      logs[i] = StrictMath.exp(logs[i] - max);
      sum += logs[i];
    }
    for (int i = 0; i < k; i++) {
      logs[i] /= sum;
    }
    return logs;
  }

  /**
   * A draw from Gamma(shape, 1) by Marsaglia and Tsang (2000); for shape below 1 it uses the boost
   * {@code Gamma(shape) = Gamma(shape + 1) * U^(1/shape)}.
   */
  public static double sampleGamma(double shape, RandomGenerator rng) {
    if (!(shape > 0) || !Double.isFinite(shape)) {
      throw new IllegalArgumentException("shape = " + shape + ": must be finite and > 0");
    }
    return StrictMath.exp(logGamma(shape, rng));
  }

  /** Logarithm of a Gamma(shape, 1) draw. */
  private static double logGamma(double shape, RandomGenerator rng) {
    if (shape < 1) {
      double u = 1.0 - rng.nextDouble(); // in (0, 1]
      return StrictMath.log(marsagliaTsang(shape + 1, rng)) + StrictMath.log(u) / shape;
    }
    return StrictMath.log(marsagliaTsang(shape, rng));
  }

  private static double marsagliaTsang(double shape, RandomGenerator rng) {
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (StrictMath.log(u) < 0.5 * x2 + d * (1.0 - v + StrictMath.log(v))) {
        return d * v;
      }
    }
  }

  private static int min(int[] a) {
    return a[argMin(a)];
  }

  private static int argMin(int[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] < a[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int argMax(int[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    return best;
  }
}
