package io.cocogen.solver;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CostModel;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;

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
  // ∇G and ∇²G at the aggregates z of the profile being examined: at x = s_i the aggregates are z itself,
  // so every player's derivatives at its current action come from this cache, without evaluating G.
  private final double[] zCached;
  private final double[] gradCached;
  private final double[] hessCached;
  private boolean cached;
  // Set by concaveRoot when its answer is one Newton step of rounding size from the current action: the
  // gain of that step to second order, from the derivatives at the current action.
  private boolean localStep;
  private double localGain;
  // The default model (scaling law, quadratic cost) without adjustment: the arrays the quick test reads
  // directly; null otherwise.
  private final double[] lawQ;
  private final double[] lawD;
  private final double[] lawP;
  private final double[] unitCost;
  private final double[] quadCost;
  private final double[] om;
  private final double[] be;
  private final double[] ta;

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
    zCached = new double[m];
    gradCached = new double[m];
    hessCached = new double[m * m];
    boolean law = adjustment == null && perf instanceof ScalingLawModel.Bound
        && game.costModel() instanceof QuadraticCost;
    lawQ = law ? ((ScalingLawModel.Bound) perf).quality() : null;
    lawD = law ? ((ScalingLawModel.Bound) perf).realSamples() : null;
    lawP = law ? ((ScalingLawModel.Bound) perf).mismatchWeights() : null;
    unitCost = law ? game.federation().unitCost() : null;
    quadCost = law ? game.federation().quadraticCost() : null;
    om = stakes.omega();
    be = stakes.beta();
    ta = stakes.tau();
  }

  /** Makes the cache hold {@code ∇G(z)} and {@code ∇²G(z)}. */
  private void cacheAt(double[] z) {
    if (cached) {
      boolean same = true;
      for (int k = 0; k < m; k++) {
        same &= Double.doubleToRawLongBits(z[k]) == Double.doubleToRawLongBits(zCached[k]);
      }
      if (same) {
        return;
      }
    }
    System.arraycopy(z, 0, zCached, 0, m);
    perf.commonGradient(zCached, gradCached);
    perf.commonHessian(zCached, hessCached);
    cached = true;
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
    double[] g = grad;
    if (x == si) {
      cacheAt(z);
      g = gradCached;
    } else {
      for (int k = 0; k < m; k++) {
        zx[k] = z[k] + a[i * m + k] * (x - si);
      }
      perf.commonGradient(zx, grad);
    }
    double p = 0;
    for (int k = 0; k < m; k++) {
      p += g[k] * a[i * m + k];
    }
    return stakes.omega()[i] * p + stakes.beta()[i] * perf.privateSlope(i, x) - cost.marginal(i, x) + stakes.tau()[i];
  }

  private double curvature(int i, double x, double[] s, double[] z) {
    double si = s[i];
    double[] h = hess;
    if (x == si) {
      cacheAt(z);
      h = hessCached;
    } else {
      for (int k = 0; k < m; k++) {
        zx[k] = z[k] + a[i * m + k] * (x - si);
      }
      perf.commonHessian(zx, hess);
    }
    double q = 0;
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < m; l++) {
        q += a[i * m + k] * h[k * m + l] * a[i * m + l];
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
    if (lawQ != null && quickLaw(i, upper, s, z)) {
      return;
    }
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
      if (localStep) {
        // |x − s_i| is at rounding level: the second-order gain is exact to far below the rounding error
        // of a difference of utilities, which it replaces.
        if (localGain > gain) {
          gain = localGain;
          argmax = x;
        }
      } else if (x != si || gain != 0.0) {
        // At x = s_i the gain is exactly 0, already recorded.
        consider(i, x, s, z, g0, adj0);
      }
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

  /**
   * The start of {@link #concaveRoot} for the default model, with {@code g'} and {@code g''} from one
   * division and the coefficients {@code a_i = (q_i, 1)} not read: decides, for a concave objective, the
   * players at a bound whose derivative points outwards, and the interior players whose derivative is zero
   * or whose Newton step is of rounding size (at an equilibrium, all of them). Returns false, having set nothing, when the general search must decide.
   */
  private boolean quickLaw(int i, double upper, double[] s, double[] z) {
    double si = s[i];
    if (!(upper > 0 && si >= 0 && si <= upper)) {
      return false;
    }
    evaluations++;
    cacheAt(z);
    double q = lawQ[i];
    double inv = 1 / (lawD[i] + q * si);
    double g1 = lawP[i] * q * inv * inv;
    double eta = quadCost[i];
    double omi = om[i];
    double bei = be[i];
    if (!(omi >= 0 && bei >= 0)) {
      return false;
    }
    double f = omi * (gradCached[0] * q + gradCached[1]) + bei * g1 - (unitCost[i] + eta * si) + ta[i];
    // Concave objective: a derivative pointing out of the box at a bound, or zero inside it, makes the
    // current action a maximiser.
    if (si == 0 ? f < 0 : si == upper ? f > 0 : f == 0) {
      argmax = si;
      gain = 0.0;
      return true;
    }
    if (!(si > 0 && si < upper)) {
      return false;
    }
    double[] h = hessCached;
    double fp = omi * ((h[0] * q + h[1] + h[2]) * q + h[3]) - bei * 2 * g1 * q * inv - eta;
    double xn = fp < 0 ? si - f / fp : Double.NaN;
    if (!(xn > 0 && xn < upper && Math.abs(xn - si) <= 1e-9 * xn)) {
      return false;
    }
    double d = xn - si;
    double local = f * d + 0.5 * fp * d * d;
    argmax = si;
    gain = 0.0;
    if (local > 0) {
      gain = local;
      argmax = xn;
    }
    return true;
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

  /**
   * The maximiser of a concave {@code u_i} on {@code [0, upper]}: a safeguarded Newton on the non-increasing
   * derivative, started at the current action (at an equilibrium that is the answer, and its derivatives
   * come from the cache). The sign of the derivative there says which end to check, so only one end is
   * evaluated.
   */
  private double concaveRoot(int i, double upper, double[] s, double[] z) {
    localStep = false;
    double si = s[i];
    double x = si >= 0 && si <= upper ? si : 0.5 * upper;
    evaluations++;
    double f = slope(i, x, s, z);
    if (x == si && (f > 0 && x < upper || f < 0 && x > 0)) {
      // The derivatives at the current action are cached. At an equilibrium one Newton step of rounding
      // size is all that is left: the step is then stationary to second order, hence the maximiser (no end
      // needs checking), and its gain is known from the same derivatives.
      double fp = curvature(i, x, s, z);
      double xn = fp < 0 ? x - f / fp : Double.NaN;
      if (xn > 0 && xn < upper && Math.abs(xn - x) <= 1e-9 * xn) {
        double d = xn - x;
        localStep = true;
        localGain = f * d + 0.5 * fp * d * d;
        return xn;
      }
    }
    double lo;
    double hi;
    if (f > 0) {
      if (x == upper) {
        return upper;
      }
      evaluations++;
      if (slope(i, upper, s, z) >= 0) {
        return upper;
      }
      lo = x;
      hi = upper;
    } else if (f < 0) {
      if (x == 0) {
        return 0.0;
      }
      evaluations++;
      if (!(slope(i, 0, s, z) > 0)) {
        return 0.0;
      }
      lo = 0;
      hi = x;
    } else {
      // Stationary (or undefined) at x: the ends decide in the order the plain search uses.
      evaluations += 2;
      if (!(slope(i, 0, s, z) > 0)) {
        return 0.0;
      }
      if (slope(i, upper, s, z) >= 0) {
        return upper;
      }
      if (f == 0) {
        return x;
      }
      lo = 0;
      hi = upper;
      x = 0.5 * upper;
      f = slope(i, x, s, z);
    }
    for (int k = 0; k < 200; k++) {
      double fp = curvature(i, x, s, z);
      double xn = fp < 0 ? x - f / fp : Double.NaN;
      boolean newtonStep = xn > lo && xn < hi;
      if (!newtonStep) {
        xn = 0.5 * (lo + hi);
      }
      double dx = Math.abs(xn - x);
      x = xn;
      // A Newton step of relative size at most 1e-9 leaves an error of order its square: below rounding.
      if (newtonStep && dx <= 1e-9 * x || dx <= 4e-16 * x || hi - lo <= 4e-16 * hi) {
        return x;
      }
      evaluations++;
      f = slope(i, x, s, z);
      if (f > 0) {
        lo = x;
      } else if (f < 0) {
        hi = x;
      } else {
        return x;
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
