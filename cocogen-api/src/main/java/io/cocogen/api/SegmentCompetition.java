package io.cocogen.api;

/**
 * Market segments. Row owner {@code i} in segment {@code k} has {@code γ_ij = withinCoef[k]} for
 * rivals of its own segment and {@code acrossCoef[k]} for everybody else: products in O(n).
 */
final class SegmentCompetition implements CompetitionStructure {
  private final int[] segmentOf;
  private final double[] withinCoef;
  private final double[] acrossCoef;
  private final int segments;

  private SegmentCompetition(int[] segmentOf, double[] withinCoef, double[] acrossCoef) {
    this.segmentOf = segmentOf;
    this.withinCoef = withinCoef;
    this.acrossCoef = acrossCoef;
    this.segments = withinCoef.length;
  }

  static SegmentCompetition of(int[] segmentOf, double within, double across) {
    Checks.nonNegative("competition.segments.within", within);
    Checks.nonNegative("competition.segments.across", across);
    int n = segmentOf.length;
    if (n < 1) {
      throw new InvalidModelException("organizations", n, "the federation is empty");
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (segmentOf[i] < 0) {
        throw new InvalidModelException("competition.segments.of[" + i + "]", segmentOf[i], "must be >= 0");
      }
      k = Math.max(k, segmentOf[i] + 1);
    }
    int[] size = new int[k];
    for (int s : segmentOf) {
      size[s]++;
    }
    double[] w = new double[k];
    double[] a = new double[k];
    for (int s = 0; s < k; s++) {
      w[s] = size[s] > 1 ? within / (size[s] - 1) : 0.0;
      a[s] = n - size[s] > 0 ? across / (n - size[s]) : 0.0;
    }
    return new SegmentCompetition(segmentOf.clone(), w, a);
  }

  @Override public int size() { return segmentOf.length; }

  @Override
  public double gamma(int i, int j) {
    if (i == j) {
      return 0.0;
    }
    int k = segmentOf[i];
    return k == segmentOf[j] ? withinCoef[k] : acrossCoef[k];
  }

  @Override
  public void multiply(double[] x, double[] y) {
    double[] segSum = new double[segments];
    double total = 0;
    for (int i = 0; i < segmentOf.length; i++) {
      segSum[segmentOf[i]] += x[i];
      total += x[i];
    }
    for (int i = 0; i < segmentOf.length; i++) {
      int k = segmentOf[i];
      y[i] = withinCoef[k] * (segSum[k] - x[i]) + acrossCoef[k] * (total - segSum[k]);
    }
  }

  @Override
  public void multiplyTranspose(double[] x, double[] y) {
    double[] segSum = new double[segments];
    for (int i = 0; i < segmentOf.length; i++) {
      segSum[segmentOf[i]] += x[i];
    }
    // Cross-segment inflow into j: Σ over rows i outside j's segment of acrossCoef[seg(i)]·x_i.
    double acrossTotal = 0;
    double[] acrossBySeg = new double[segments];
    for (int k = 0; k < segments; k++) {
      acrossBySeg[k] = acrossCoef[k] * segSum[k];
      acrossTotal += acrossBySeg[k];
    }
    for (int j = 0; j < segmentOf.length; j++) {
      int k = segmentOf[j];
      y[j] = withinCoef[k] * (segSum[k] - x[j]) + (acrossTotal - acrossBySeg[k]);
    }
  }

  @Override
  public long nonZeros() {
    long n = segmentOf.length;
    return n * (n - 1);
  }

  @Override
  public CompetitionStructure restrictTo(int[] members) {
    int[] seg = new int[members.length];
    for (int t = 0; t < members.length; t++) {
      seg[t] = segmentOf[members[t]];
    }
    return new SegmentCompetition(seg, withinCoef, acrossCoef);
  }

  @Override
  public CompetitionStructure scaled(double factor) {
    Checks.nonNegative("factor", factor);
    double[] w = withinCoef.clone();
    double[] a = acrossCoef.clone();
    for (int k = 0; k < segments; k++) {
      w[k] *= factor;
      a[k] *= factor;
    }
    return new SegmentCompetition(segmentOf, w, a);
  }

  /** Segment index of organization i. */
  int segmentOf(int i) { return segmentOf[i]; }

  @Override public String toString() { return "SegmentCompetition[n=" + segmentOf.length + ", segments=" + segments + "]"; }
}
