package io.cocogen.api;

/**
 * The default heterogeneity-aware scaling law (MODEL.md §2):
 * {@code L_i(s) = ℓ∞ + A·(D+X)^(−β) + C·H/(D+Y) + E·δ_i·d_i/(d_i + q_i s_i)} with {@code X = Σ q_j s_j},
 * {@code Y = Σ s_j}; aggregates {@code z = (X, Y)}, {@code a_j = (q_j, 1)}.
 *
 * @param referenceLoss {@code L_ref}, e.g. chance-level loss {@code ln K}
 * @param lossFloor {@code ℓ∞}
 * @param scale {@code A > 0}
 * @param exponent {@code β > 0}
 * @param drift {@code C ≥ 0}, weight of the federation's label-skew drift
 * @param mismatch {@code E ≥ 0}, weight of an organization's own mismatch
 */
public record ScalingLawModel(double referenceLoss, double lossFloor, double scale, double exponent,
    double drift, double mismatch) implements PerformanceModel {

  public static final String NAME = "scaling-law";

  public ScalingLawModel {
    Checks.finite("performance.referenceLoss", referenceLoss);
    Checks.finite("performance.lossFloor", lossFloor);
    Checks.positive("performance.scale", scale);
    Checks.positive("performance.exponent", exponent);
    Checks.nonNegative("performance.drift", drift);
    Checks.nonNegative("performance.mismatch", mismatch);
  }

  /** Defaults for a K-class task: {@code L_ref = ln K}, {@code ℓ∞ = 0.2, A = 5, β = 0.3, C = 0.5, E = 0.4}. */
  public static ScalingLawModel defaults(int classes) {
    return new ScalingLawModel(Math.log(classes), 0.2, 5.0, 0.3, 0.5, 0.4);
  }

  @Override public String name() { return NAME; }

  /** The loss {@code L_i} at aggregates and own action, for reports and calibration. */
  public double loss(double realTotal, double skewWeighted, double x, double y, double d, double delta,
      double q, double s) {
    return lossFloor + scale * Math.pow(realTotal + x, -exponent) + drift * skewWeighted / (realTotal + y)
        + mismatch * delta * d / (d + q * s);
  }

  /**
   * {@code G(z)} of a federation with real-data total {@code D} and skew-weighted total {@code H}:
   * {@code L_ref − ℓ∞ − A(D + z_0)^(−β) − C·H/(D + z_1)}. Any coalition's common gain is this with its own
   * {@code D} and {@code H}.
   */
  public double commonGain(double realTotal, double skewWeightedTotal, double[] z) {
    return referenceLoss - lossFloor - scale * Math.pow(realTotal + z[0], -exponent)
        - drift * skewWeightedTotal / (realTotal + z[1]);
  }

  /** {@code ∇G(z)} for totals {@code D}, {@code H} (see {@link #commonGain(double, double, double[])}). */
  public void commonGradient(double realTotal, double skewWeightedTotal, double[] z, double[] out) {
    double ux = realTotal + z[0];
    double uy = realTotal + z[1];
    out[0] = scale * exponent * Math.pow(ux, -exponent - 1);
    out[1] = drift * skewWeightedTotal / (uy * uy);
  }

  /** {@code ∇²G(z)} (row-major 2×2) for totals {@code D}, {@code H}. */
  public void commonHessian(double realTotal, double skewWeightedTotal, double[] z, double[] out) {
    double ux = realTotal + z[0];
    double uy = realTotal + z[1];
    out[0] = -scale * exponent * (exponent + 1) * Math.pow(ux, -exponent - 2);
    out[1] = 0;
    out[2] = 0;
    out[3] = -2 * drift * skewWeightedTotal / (uy * uy * uy);
  }

  @Override
  public BoundPerformance bind(Federation f) {
    int n = f.size();
    double[] d = f.realSamples();
    double[] delta = f.skew();
    double dTotal = 0;
    double hTotal = 0;
    double[] priv = new double[n];
    for (int i = 0; i < n; i++) {
      dTotal += d[i];
      hTotal += d[i] * delta[i];
      priv[i] = mismatch * delta[i] * d[i];
    }
    return new Bound(this, f.quality(), d, priv, dTotal, hTotal);
  }

  /** The law bound to one federation: {@code D = Σ d_j}, {@code H = Σ d_j δ_j}. */
  public static final class Bound implements BoundPerformance {
    private final ScalingLawModel law;
    private final double[] q;
    private final double[] d;
    private final double[] priv; // E·δ_i·d_i
    private final double dTotal;
    private final double hTotal;

    Bound(ScalingLawModel law, double[] q, double[] d, double[] priv, double dTotal, double hTotal) {
      this.law = law;
      this.q = q;
      this.d = d;
      this.priv = priv;
      this.dTotal = dTotal;
      this.hTotal = hTotal;
    }

    public double realTotal() { return dTotal; }

    /** {@code q_i}, indexed like the federation. Do not modify. */
    public double[] quality() { return q; }

    /** {@code d_i}. Do not modify. */
    public double[] realSamples() { return d; }

    /** {@code E·δ_i·d_i}, so that {@code g_i(s) = −mismatchWeight_i/(d_i + q_i s)}. Do not modify. */
    public double[] mismatchWeights() { return priv; }
    public double skewWeightedTotal() { return hTotal; }
    public ScalingLawModel law() { return law; }

    @Override public int dimension() { return 2; }

    @Override public double coefficient(int j, int k) { return k == 0 ? q[j] : 1.0; }

    @Override
    public double commonGain(double[] z) {
      return law.commonGain(dTotal, hTotal, z);
    }

    @Override
    public void commonGradient(double[] z, double[] out) {
      law.commonGradient(dTotal, hTotal, z, out);
    }

    @Override
    public void commonHessian(double[] z, double[] out) {
      law.commonHessian(dTotal, hTotal, z, out);
    }

    @Override
    public double privateGain(int i, double s) {
      return -priv[i] / (d[i] + q[i] * s);
    }

    @Override
    public double privateSlope(int i, double s) {
      double u = d[i] + q[i] * s;
      return priv[i] * q[i] / (u * u);
    }

    @Override
    public double privateCurvature(int i, double s) {
      double u = d[i] + q[i] * s;
      return -2 * priv[i] * q[i] * q[i] / (u * u * u);
    }
  }
}
