package io.cocogen.bench.peer;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CostModel;
import io.cocogen.api.RoundGame;

/**
 * The weighted potential {@code Φ} of a round (MODEL.md §3) in the variables the generic peers work on:
 * {@code x_i = s_i / S_i ∈ [0, 1]} (organizations with {@code S_i = 0} are fixed at 0). Value, gradient
 * and the diagonal of the private part of the Hessian, all in O(n) and without allocation.
 *
 * <p>The stationarity measure {@link #projectedGradientNorm} is {@code max_i |P(x − ∇Φ) − x|} with unit
 * weights in x, i.e. {@code max_i S_i |∂Φ/∂s_i|} over the free directions: it bounds every organization's
 * first-order potential gain from a unilateral move, hence (times {@code w_i}) its regret. The peers stop
 * on it with the same tolerance SciPy's {@code gtol} applies in the same variables.
 */
public final class ScaledPotential {
  private final RoundGame game;
  private final BoundPerformance perf;
  private final CostModel.BoundCost cost;
  private final int n;
  private final int m;
  private final double[] a;
  private final double[] cap;
  private final double[] w;
  private final double[] b;
  private final double[] z;
  private final double[] lam;
  private final double[] hess;

  public ScaledPotential(RoundGame game) {
    game.requirePotentialGame();
    this.game = game;
    this.perf = game.performance();
    this.cost = game.cost();
    this.n = game.size();
    this.m = game.dimension();
    this.a = game.coefficients();
    this.cap = game.capacity();
    this.w = game.commonStakes();
    this.b = game.privateStakes();
    z = new double[m];
    lam = new double[m];
    hess = new double[m * m];
  }

  public RoundGame game() { return game; }

  public int size() { return n; }

  /** {@code S_i}. */
  public double capacity(int i) { return cap[i]; }

  /** {@code s = x ∘ S} into {@code s}. */
  public void toProfile(double[] x, double[] s) {
    for (int i = 0; i < n; i++) {
      s[i] = Math.min(cap[i], Math.max(0.0, x[i]) * cap[i]);
    }
  }

  /** {@code Φ(x ∘ S)}; leaves the aggregates in {@link #aggregates()}. */
  public double value(double[] x) {
    java.util.Arrays.fill(z, 0.0);
    double priv = 0;
    for (int i = 0; i < n; i++) {
      double si = x[i] * cap[i];
      int row = i * m;
      for (int k = 0; k < m; k++) {
        z[k] += a[row + k] * si;
      }
      priv += (b[i] * perf.privateGain(i, si) - cost.cost(i, si)) / w[i];
    }
    return perf.commonGain(z) + priv;
  }

  /** {@code Φ} and its gradient in x into {@code grad}; returns {@code Φ}. */
  public double valueAndGradient(double[] x, double[] grad) {
    double v = value(x);
    perf.commonGradient(z, lam);
    for (int i = 0; i < n; i++) {
      double si = x[i] * cap[i];
      int row = i * m;
      double p = 0;
      for (int k = 0; k < m; k++) {
        p += lam[k] * a[row + k];
      }
      grad[i] = cap[i] * (p + (b[i] * perf.privateSlope(i, si) - cost.marginal(i, si)) / w[i]);
    }
    return v;
  }

  /** The private diagonal of the Hessian in x into {@code diag}, and {@code ∇²G(z)} (row-major) into {@code hz}. */
  public void hessianParts(double[] x, double[] diag, double[] hz) {
    for (int i = 0; i < n; i++) {
      double si = x[i] * cap[i];
      diag[i] = cap[i] * cap[i] * (b[i] * perf.privateCurvature(i, si) - cost.curvature(i, si)) / w[i];
    }
    perf.commonHessian(z, hz);
  }

  /** {@code ∇G(z)} at the aggregates of the last evaluation. */
  public double[] commonGradient() {
    perf.commonGradient(z, lam);
    return lam;
  }

  /** The aggregates {@code z} of the last evaluation. */
  public double[] aggregates() { return z; }

  /** {@code m}. */
  public int dimension() { return m; }

  /** {@code a_ik S_i}: the weight of {@code x_i} in aggregate k. */
  public double scaledCoefficient(int i, int k) { return a[i * m + k] * cap[i]; }

  /** {@code max_i |clamp(x_i + g_i) − x_i|}, the projected-gradient norm in x. */
  public static double projectedGradientNorm(double[] x, double[] grad) {
    double r = 0;
    for (int i = 0; i < x.length; i++) {
      double t = Math.min(1.0, Math.max(0.0, x[i] + grad[i])) - x[i];
      r = Math.max(r, Math.abs(t));
    }
    return r;
  }
}
