package io.cocogen.solver;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CostModel;
import io.cocogen.api.RoundGame;

/**
 * One organization's problem against the others' fixed actions: maximise
 * {@code u_i(x) = ω_i G(z + a_i(x − s_i)) + β_i g_i(x) − c_i(x) + τ_i x (+ adjustment)} over an interval,
 * exactly and globally. Concave problems use a safeguarded Newton on the monotone derivative; others
 * bracket every stationary point on a grid and refine each.
 */
final class PlayerProblem {
  private static final int GRID = 64;

  private final RoundGame game;
  private final BoundPerformance perf;
  private final CostModel.BoundCost cost;
  private final int m;
  private final double[] a;
  private final Stakes stakes;
  private final PayoffAdjustment adjustment;
  private final double[] zx;
  private final double[] grad;
  private final double[] hess;
  private final double[] gridX = new double[GRID + 1];
  private final double[] gridD = new double[GRID + 1];
  private final double[] gridU = new double[GRID + 1];

  long evaluations;

  // Set by maximise: the chosen maximiser and its gain over the current action.
  double argmax;
  double gain;

  PlayerProblem(RoundGame game, Stakes stakes, PayoffAdjustment adjustment) {
    this.game = game;
    this.perf = game.performance();
    this.cost = game.cost();
    this.m = game.dimension();
    this.a = game.coefficients();
    this.stakes = stakes;
    this.adjustment = adjustment;
    zx = new double[m];
    grad = new double[m];
    hess = new double[m * m];
  }

  boolean concave(int i) {
    return adjustment == null && stakes.omega()[i] >= 0 && stakes.beta()[i] >= 0;
  }

  /** {@code u_i(x) − u_i(s_i)} with the common part as a difference of G values. */
  double delta(int i, double x, double[] s, double[] z, double g0, double adj0) {
    evaluations++;
    double si = s[i];
    for (int k = 0; k < m; k++) {
      zx[k] = z[k] + a[i * m + k] * (x - si);
    }
    double v = stakes.omega()[i] * (perf.commonGain(zx) - g0)
        + stakes.beta()[i] * (perf.privateGain(i, x) - perf.privateGain(i, si))
        - (cost.cost(i, x) - cost.cost(i, si))
        + stakes.tau()[i] * (x - si);
    if (adjustment != null) {
      v += adjustment.value(i, x, s, z) - adj0;
    }
    return v;
  }

  /** {@code u_i'(x)} without the adjustment. */
  double slope(int i, double x, double[] s, double[] z) {
    double si = s[i];
    for (int k = 0; k < m; k++) {
      zx[k] = z[k] + a[i * m + k] * (x - si);
    }
    perf.commonGradient(zx, grad);
    double p = 0;
    for (int k = 0; k < m; k++) {
      p += grad[k] * a[i * m + k];
    }
    return stakes.omega()[i] * p + stakes.beta()[i] * perf.privateSlope(i, x) - cost.marginal(i, x) + stakes.tau()[i];
  }

  private double curvature(int i, double x, double[] s, double[] z) {
    double si = s[i];
    for (int k = 0; k < m; k++) {
      zx[k] = z[k] + a[i * m + k] * (x - si);
    }
    perf.commonHessian(zx, hess);
    double q = 0;
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < m; l++) {
        q += a[i * m + k] * hess[k * m + l] * a[i * m + l];
      }
    }
    return stakes.omega()[i] * q + stakes.beta()[i] * perf.privateCurvature(i, x) - cost.curvature(i, x);
  }

  /**
   * Maximises {@code u_i} over {@code [0, upper]}; sets {@link #argmax} and {@link #gain} (≥ 0 since the
   * current action is a candidate when it lies in the interval).
   *
   * @param g0 {@code G(z)}
   */
  void maximise(int i, double upper, double[] s, double[] z, double g0) {
    double si = s[i];
    double adj0 = adjustment == null ? 0 : adjustment.value(i, si, s, z);
    argmax = si;
    gain = si >= 0 && si <= upper ? 0.0 : Double.NEGATIVE_INFINITY;
    if (!(upper > 0)) {
      consider(i, 0.0, s, z, g0, adj0);
      return;
    }
    if (concave(i)) {
      double x = concaveRoot(i, upper, s, z);
      consider(i, x, s, z, g0, adj0);
      return;
    }
    // Non-concave: grid over [0, upper], then refine around every local maximum.
    for (int t = 0; t <= GRID; t++) {
      double x = upper * gridPoint(t);
      gridX[t] = x;
      gridU[t] = delta(i, x, s, z, g0, adj0);
      gridD[t] = adjustment == null ? slope(i, x, s, z) : Double.NaN;
    }
    consider(i, 0.0, s, z, g0, adj0);
    consider(i, upper, s, z, g0, adj0);
    for (int t = 0; t < GRID; t++) {
      if (adjustment == null) {
        if (gridD[t] > 0 && gridD[t + 1] <= 0) {
          consider(i, bisectSlope(i, gridX[t], gridX[t + 1], s, z), s, z, g0, adj0);
        }
      } else {
        boolean peak = (t == 0 || gridU[t] >= gridU[t - 1]) && gridU[t] >= gridU[t + 1];
        if (peak) {
          double lo = t == 0 ? gridX[0] : gridX[t - 1];
          consider(i, golden(i, lo, gridX[t + 1], s, z, g0, adj0), s, z, g0, adj0);
        }
      }
    }
  }

  private void consider(int i, double x, double[] s, double[] z, double g0, double adj0) {
    double d = delta(i, x, s, z, g0, adj0);
    if (d > gain) {
      gain = d;
      argmax = x;
    }
  }

  /** Grid in [0,1], dense near 0 (geometric) and uniform elsewhere, since scales span decades. */
  private static double gridPoint(int t) {
    if (t == 0) {
      return 0.0;
    }
    if (t <= GRID / 2) {
      return Math.pow(10, -12 + 12.0 * t / (GRID / 2)) * 0.5;
    }
    return 0.5 + 0.5 * (t - GRID / 2) / (double) (GRID / 2);
  }

  private double concaveRoot(int i, double upper, double[] s, double[] z) {
    double d0 = slope(i, 0, s, z);
    evaluations++;
    if (!(d0 > 0)) {
      return 0.0;
    }
    double dU = slope(i, upper, s, z);
    if (dU >= 0) {
      return upper;
    }
    double lo = 0;
    double hi = upper;
    double x = s[i] > 0 && s[i] < upper ? s[i] : 0.5 * upper;
    for (int k = 0; k < 200; k++) {
      evaluations++;
      double f = slope(i, x, s, z);
      if (f > 0) {
        lo = x;
      } else if (f < 0) {
        hi = x;
      } else {
        return x;
      }
      double fp = curvature(i, x, s, z);
      double xn = fp < 0 ? x - f / fp : Double.NaN;
      if (!(xn > lo && xn < hi)) {
        xn = 0.5 * (lo + hi);
      }
      double dx = Math.abs(xn - x);
      x = xn;
      if (dx <= 4e-16 * x || hi - lo <= 4e-16 * hi) {
        break;
      }
    }
    return x;
  }

  private double bisectSlope(int i, double lo, double hi, double[] s, double[] z) {
    for (int k = 0; k < 100 && hi - lo > 4e-16 * hi; k++) {
      double mid = 0.5 * (lo + hi);
      evaluations++;
      if (slope(i, mid, s, z) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private double golden(int i, double lo, double hi, double[] s, double[] z, double g0, double adj0) {
    final double r = 0.6180339887498949;
    double x1 = hi - r * (hi - lo);
    double x2 = lo + r * (hi - lo);
    double f1 = delta(i, x1, s, z, g0, adj0);
    double f2 = delta(i, x2, s, z, g0, adj0);
    for (int k = 0; k < 120 && hi - lo > 1e-15 * Math.max(hi, 1e-300); k++) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + r * (hi - lo);
        f2 = delta(i, x2, s, z, g0, adj0);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - r * (hi - lo);
        f1 = delta(i, x1, s, z, g0, adj0);
      }
    }
    return f1 > f2 ? x1 : x2;
  }

  RoundGame game() { return game; }
}
