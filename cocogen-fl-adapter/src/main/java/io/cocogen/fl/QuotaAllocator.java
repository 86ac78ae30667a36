package io.cocogen.fl;

import io.cocogen.api.InvalidModelException;

/**
 * Spreads an organization's synthetic samples over the classes (MODEL.md §11): with {@code h} its real
 * label histogram, {@code d = Σ h_k}, {@code s} the synthetic count and {@code p*} the target, the quota
 * {@code a} fills the largest deficits {@code p*_k − (h_k + a_k)/(d + s)} first. Equivalently, it lowers
 * the deficits of the target counts {@code p*_k (d + s) − h_k} to a common water level (the largest
 * first) until {@code s} samples are placed; integer quotas come from the floors of that continuous
 * fill, and the remaining units go one at a time to the class with the largest remaining deficit
 * (ties: larger {@code p*_k}, then lower index). If some classes cannot be generated and their deficits
 * cannot absorb {@code s}, whatever is left after filling every generatable deficit is split in
 * proportion to {@code p*} over the generatable classes (largest remainders).
 *
 * <p>The signed deficits sum to exactly {@code s}, so the continuous fill moves the augmented distribution
 * {@code (h + a)/(d + s)} toward {@code p*}; integer quotas deviate from it by less than one sample per
 * class, which changes the total-variation distance by at most {@code K/(2(d + s))} (visible only for an
 * organization that is already balanced).
 */
public final class QuotaAllocator {
  private QuotaAllocator() {}

  /** Quotas over all classes. */
  public static int[] quotas(double[] histogram, int synthetic, double[] target) {
    return quotas(histogram, synthetic, target, null);
  }

  /**
   * @param histogram real label counts {@code h_k ≥ 0}
   * @param synthetic {@code s ≥ 0}
   * @param target {@code p*}, non-negative, same length, sums to 1
   * @param generatable which classes may receive samples, or null for all
   * @return non-negative quotas summing to {@code synthetic}
   */
  public static int[] quotas(double[] histogram, int synthetic, double[] target, boolean[] generatable) {
    if (histogram == null || target == null || histogram.length != target.length || histogram.length < 1) {
      throw new InvalidModelException("quotas.histogram", histogram == null ? null : histogram.length,
          "histogram and target must be non-null and of the same length");
    }
    if (synthetic < 0) {
      throw new InvalidModelException("quotas.synthetic", synthetic, "must be >= 0");
    }
    int k = histogram.length;
    if (generatable != null && generatable.length != k) {
      throw new InvalidModelException("quotas.generatable", generatable.length, "must have " + k + " entries");
    }
    double d = 0;
    double tsum = 0;
    boolean any = false;
    for (int c = 0; c < k; c++) {
      if (!(histogram[c] >= 0) || !Double.isFinite(histogram[c])) {
        throw new InvalidModelException("quotas.histogram[" + c + "]", histogram[c], "must be finite and >= 0");
      }
      if (!(target[c] >= 0) || !Double.isFinite(target[c])) {
        throw new InvalidModelException("quotas.target[" + c + "]", target[c], "must be finite and >= 0");
      }
      d += histogram[c];
      tsum += target[c];
      any |= ok(generatable, c) && target[c] > 0;
    }
    if (Math.abs(tsum - 1) > 1e-6) {
      throw new InvalidModelException("quotas.target", tsum, "must sum to 1");
    }
    int[] a = new int[k];
    if (synthetic == 0) {
      return a;
    }
    if (!any) {
      throw new InvalidModelException("quotas.generatable", "no generatable class has positive target weight");
    }
    double total = d + synthetic;
    double[] deficit = new double[k];
    double positive = 0;
    for (int c = 0; c < k; c++) {
      deficit[c] = ok(generatable, c) ? target[c] * total - histogram[c] : Double.NEGATIVE_INFINITY;
      if (deficit[c] > 0) {
        positive += deficit[c];
      }
    }
    int placed = 0;
    if (positive >= synthetic) {
      double level = waterLevel(deficit, synthetic);
      for (int c = 0; c < k; c++) {
        if (deficit[c] > level) {
          a[c] = (int) Math.floor(deficit[c] - level);
          placed += a[c];
        }
      }
      while (placed < synthetic) {
        int best = -1;
        for (int c = 0; c < k; c++) {
          if (!ok(generatable, c)) {
            continue;
          }
          double rest = deficit[c] - a[c];
          if (best < 0 || rest > deficit[best] - a[best]
              || rest == deficit[best] - a[best] && target[c] > target[best]) {
            best = c;
          }
        }
        a[best]++;
        placed++;
      }
      return a;
    }
    // Every generatable deficit can be filled; the rest goes in proportion to p* over generatable classes.
    for (int c = 0; c < k; c++) {
      if (deficit[c] > 0) {
        a[c] = (int) Math.floor(deficit[c]);
        placed += a[c];
      }
    }
    int rest = synthetic - placed;
    double wsum = 0;
    for (int c = 0; c < k; c++) {
      if (ok(generatable, c)) {
        wsum += target[c];
      }
    }
    double[] rem = new double[k];
    int given = 0;
    for (int c = 0; c < k; c++) {
      if (ok(generatable, c) && target[c] > 0) {
        double exact = rest * target[c] / wsum;
        int f = (int) Math.floor(exact);
        a[c] += f;
        given += f;
        rem[c] = exact - f;
      } else {
        rem[c] = -1;
      }
    }
    while (given < rest) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (rem[c] > rem[best]) {
          best = c;
        }
      }
      a[best]++;
      rem[best] = -1;
      given++;
    }
    return a;
  }

  private static boolean ok(boolean[] generatable, int c) {
    return generatable == null || generatable[c];
  }

  /** The level {@code L} with {@code Σ max(0, deficit_k − L) = s}, given that the positive parts sum to at least s. */
  private static double waterLevel(double[] deficit, double s) {
    double[] sorted = deficit.clone();
    java.util.Arrays.sort(sorted);
    double sum = 0;
    int count = 0;
    for (int i = sorted.length - 1; i >= 0; i--) {
      if (sorted[i] == Double.NEGATIVE_INFINITY) {
        break;
      }
      sum += sorted[i];
      count++;
      double level = (sum - s) / count;
      double next = i > 0 ? sorted[i - 1] : Double.NEGATIVE_INFINITY;
      if (level >= next) {
        return level;
      }
    }
    return (sum - s) / Math.max(1, count);
  }

  /** Total-variation distance of the histogram {@code h + a} to {@code target}. */
  public static double skewAfter(double[] histogram, int[] quotas, double[] target) {
    double[] aug = histogram.clone();
    for (int c = 0; c < aug.length; c++) {
      aug[c] += quotas[c];
    }
    return io.cocogen.api.Organization.totalVariation(aug, target);
  }
}
