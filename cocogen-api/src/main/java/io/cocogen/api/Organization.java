package io.cocogen.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One organization of the federation (MODEL.md §1). Exactly one of {@code skew} and
 * {@code labelHistogram} is given; a histogram is turned into a skew against the round's target
 * distribution when the {@link RoundGame} is built.
 *
 * @param id unique, non-blank identifier
 * @param realSamples {@code d_i > 0}, real training samples
 * @param labelHistogram {@code h_i}, class counts of the real data, or null when {@code skew} is given
 * @param skew {@code δ_i ∈ [0,1]}, or null when {@code labelHistogram} is given
 * @param quality {@code q_i ∈ (0,1]}, value of one synthetic sample relative to a real one
 * @param unitCost {@code κ_i ≥ 0}, linear generation cost per synthetic sample
 * @param quadraticCost {@code η_i ≥ 0}, quadratic generation cost coefficient
 * @param capacity {@code S_i ≥ 0}, most synthetic samples it can generate this round
 * @param marketValue {@code ρ_i > 0}, money per unit of learning gain
 */
public record Organization(
    String id,
    double realSamples,
    double[] labelHistogram,
    Double skew,
    double quality,
    double unitCost,
    double quadraticCost,
    double capacity,
    double marketValue) {

  public Organization {
    if (id == null || id.isBlank()) {
      throw new InvalidModelException("organizations.id", id, "must be a non-blank string");
    }
    String p = "organizations[" + id + "].";
    Checks.positive(p + "realSamples", realSamples);
    if ((labelHistogram == null) == (skew == null)) {
      throw new InvalidModelException(p + "skew",
          "give exactly one of skew and labelHistogram (got " + (skew == null ? "neither" : "both") + ")");
    }
    if (labelHistogram != null) {
      Checks.nonNegative(p + "labelHistogram", labelHistogram);
      if (labelHistogram.length < 2) {
        throw new InvalidModelException(p + "labelHistogram", labelHistogram, "needs at least 2 classes");
      }
      double total = 0;
      for (double h : labelHistogram) {
        total += h;
      }
      if (!(total > 0)) {
        throw new InvalidModelException(p + "labelHistogram", labelHistogram, "must have a positive total");
      }
      labelHistogram = labelHistogram.clone();
    } else {
      Checks.inClosed(p + "skew", skew, 0, 1);
    }
    Checks.inHalfOpen(p + "quality", quality, 0, 1);
    Checks.nonNegative(p + "unitCost", unitCost);
    Checks.nonNegative(p + "quadraticCost", quadraticCost);
    Checks.nonNegative(p + "capacity", capacity);
    Checks.positive(p + "marketValue", marketValue);
  }

  /** Starts a builder; unset fields take the documented defaults. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  @Override
  public double[] labelHistogram() {
    return labelHistogram == null ? null : labelHistogram.clone();
  }

  /**
   * Label skew against {@code target}: total-variation distance {@code ½‖p_i − p*‖₁} when a histogram
   * is given, otherwise the given skew.
   */
  public double skewAgainst(double[] target) {
    if (labelHistogram == null) {
      return skew;
    }
    if (target.length != labelHistogram.length) {
      throw new InvalidModelException("organizations[" + id + "].labelHistogram", labelHistogram,
          "has " + labelHistogram.length + " classes but the target distribution has " + target.length);
    }
    return totalVariation(labelHistogram, target);
  }

  /** {@code ½ Σ_k |h_k/Σh − p_k|} for a histogram {@code h} and a distribution {@code p}. */
  public static double totalVariation(double[] histogram, double[] target) {
    double total = 0;
    for (double h : histogram) {
      total += h;
    }
    double tv = 0;
    for (int k = 0; k < histogram.length; k++) {
      tv += Math.abs(histogram[k] / total - target[k]);
    }
    return Math.min(1.0, 0.5 * tv);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Organization that
        && id.equals(that.id)
        && Double.compare(realSamples, that.realSamples) == 0
        && Arrays.equals(labelHistogram, that.labelHistogram)
        && Objects.equals(skew, that.skew)
        && Double.compare(quality, that.quality) == 0
        && Double.compare(unitCost, that.unitCost) == 0
        && Double.compare(quadraticCost, that.quadraticCost) == 0
        && Double.compare(capacity, that.capacity) == 0
        && Double.compare(marketValue, that.marketValue) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, realSamples, Arrays.hashCode(labelHistogram), skew, quality, unitCost,
        quadraticCost, capacity, marketValue);
  }

  @Override
  public String toString() {
    return "Organization[id=" + id + ", realSamples=" + realSamples
        + (labelHistogram != null ? ", labelHistogram=" + Arrays.toString(labelHistogram) : ", skew=" + skew)
        + ", quality=" + quality + ", unitCost=" + unitCost + ", quadraticCost=" + quadraticCost
        + ", capacity=" + capacity + ", marketValue=" + marketValue + "]";
  }

  /** Mutable builder; {@link #build()} validates. Defaults: quality 1, costs 0, capacity 0, value 1. */
  public static final class Builder {
    private final String id;
    private double realSamples = Double.NaN;
    private double[] labelHistogram;
    private Double skew;
    private double quality = 1.0;
    private double unitCost;
    private double quadraticCost;
    private double capacity;
    private double marketValue = 1.0;

    private Builder(String id) {
      this.id = id;
    }

    public Builder realSamples(double v) { this.realSamples = v; return this; }
    public Builder labelHistogram(double... v) { this.labelHistogram = v; return this; }
    public Builder skew(double v) { this.skew = v; return this; }
    public Builder quality(double v) { this.quality = v; return this; }
    public Builder unitCost(double v) { this.unitCost = v; return this; }
    public Builder quadraticCost(double v) { this.quadraticCost = v; return this; }
    public Builder capacity(double v) { this.capacity = v; return this; }
    public Builder marketValue(double v) { this.marketValue = v; return this; }

    public Organization build() {
      return new Organization(id, realSamples, labelHistogram, skew, quality, unitCost, quadraticCost,
          capacity, marketValue);
    }
  }
}
