package io.cocogen.solver;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CostModel;
import io.cocogen.api.RoundGame;
import java.util.Arrays;

/**
 * The fast path of MODEL.md §4. With shadow prices {@code λ = ∇G(z)} every organization's action is a
 * one-dimensional concave problem; the equilibrium aggregate solves the m-dimensional fixed point
 * {@code z = Σ_i a_i s_i(∇G(z))}, found by damped Newton with the Jacobian {@code I − (Σ_i s_i' a_i a_iᵀ)∇²G}
 * accumulated in O(n m²). A shared budget adds the shadow cost {@code ω_i μ}, found by a bracketed
 * Illinois search on {@code Σ s_i(μ) = B}.
 *
 * <p>Organizations whose one-dimensional objective is linear (no curvature anywhere) have step
 * responses; for them a vanishing proximal curvature ({@code 1e-3} down to {@code 1e-12} of their slope
 * scale) makes the map continuous, and the certificate checks the true game afterwards.
 *
 * <p>Works on caller-visible arrays; allocates only at construction.
 */
final class AggregateNewton {
  private static final double[] HOMOTOPY = {1e-3, 1e-6, 1e-9, 1e-12};

  private final BoundPerformance perf;
  private final CostModel.BoundCost cost;
  private final int n;
  private final int m;
  private final double[] a;
  private final double[] cap;
  private final double[] om;
  private final double[] be;
  private final double[] ta;
  private final double budget;

  private final double[] prox;
  private final double[] proxScale;
  private final boolean anyLinear;

  final double[] s;
  final double[] dsdp;
  final double[] z;
  final double[] lam;
  private final double[] hess;
  private final double[] resp;
  private final double[] mat;
  private final double[] jac;
  private final double[] step;
  private final double[] zTrial;
  private final double[] zMin;
  private final double[] zMax;
  private final double[] best;

  double mu;
  double total;
  long evaluations;
  int iterations;
  boolean converged;

  AggregateNewton(RoundGame game, Stakes stakes) {
    this.perf = game.performance();
    this.cost = game.cost();
    this.n = game.size();
    this.m = game.dimension();
    this.a = game.coefficients();
    this.cap = game.capacity();
    this.om = stakes.omega();
    this.be = stakes.beta();
    this.ta = stakes.tau();
    this.budget = game.budget();
    s = new double[n];
    dsdp = new double[n];
    prox = new double[n];
    proxScale = new double[n];
    z = new double[m];
    lam = new double[m];
    hess = new double[m * m];
    resp = new double[m];
    mat = new double[m * m];
    jac = new double[m * m];
    step = new double[m];
    zTrial = new double[m];
    zMin = new double[m];
    zMax = new double[m];
    best = new double[m];
    boolean lin = false;
    for (int i = 0; i < n; i++) {
      double c = cap[i];
      boolean flat = c > 0
          && be[i] * perf.privateCurvature(i, 0) - cost.curvature(i, 0) == 0
          && be[i] * perf.privateCurvature(i, c) - cost.curvature(i, c) == 0;
      proxScale[i] = flat ? 1.0 : 0.0;
      lin |= flat;
      for (int k = 0; k < m; k++) {
        double v = a[i * m + k] * c;
        if (v < 0) {
          zMin[k] += v;
        } else {
          zMax[k] += v;
        }
      }
    }
    anyLinear = lin;
  }

  /** Solves from {@code warm} (a profile) or from scratch; returns whether the aggregate converged. */
  boolean solve(double[] warm, int maxIterations) {
    if (warm != null) {
      System.arraycopy(warm, 0, s, 0, n);
      aggregate(s, z);
    } else {
      for (int i = 0; i < n; i++) {
        s[i] = 0.5 * cap[i];
      }
      Arrays.fill(z, 0.0);
    }
    mu = 0;
    if (anyLinear) {
      initProxScales();
    }
    boolean ok = solveAtMu(maxIterations);
    if (budget == Double.POSITIVE_INFINITY || total <= budget) {
      converged = ok;
      return ok;
    }
    converged = solveBudget(maxIterations);
    return converged;
  }

  private void initProxScales() {
    perf.commonGradient(z, lam);
    for (int i = 0; i < n; i++) {
      if (proxScale[i] != 0) {
        double p = 0;
        for (int k = 0; k < m; k++) {
          p += lam[k] * a[i * m + k];
        }
        double scale = Math.abs(om[i] * p) + Math.abs(ta[i]) + Math.abs(be[i] * perf.privateSlope(i, 0))
            + Math.abs(cost.marginal(i, 0));
        proxScale[i] = (scale > 0 ? scale : 1.0) / cap[i];
      }
    }
  }

  private boolean solveAtMu(int maxIterations) {
    if (!anyLinear) {
      return newton(maxIterations);
    }
    boolean ok = true;
    for (double eps : HOMOTOPY) {
      for (int i = 0; i < n; i++) {
        prox[i] = eps * proxScale[i];
      }
      ok = newton(maxIterations);
    }
    return ok;
  }

  /** Illinois false position on {@code Σ s_i(μ) = B}, keeping the feasible side. */
  private boolean solveBudget(int maxIterations) {
    double lo = 0;
    double yLo = total;
    double hi = 0;
    for (int k = 0; k < m; k++) {
      hi = Math.max(hi, Math.abs(lam[k]));
    }
    double amax = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < m; k++) {
        amax = Math.max(amax, Math.abs(a[i * m + k]));
      }
    }
    hi = Math.max(hi * Math.max(amax, 1.0), 1e-300);
    double yHi;
    boolean ok = true;
    int guard = 0;
    while (true) {
      mu = hi;
      ok = solveAtMu(maxIterations);
      yHi = total;
      if (yHi <= budget || ++guard > 200) {
        break;
      }
      lo = hi;
      yLo = yHi;
      hi *= 4;
    }
    int side = 0;
    for (int it = 0; it < 200 && yHi < budget; it++) {
      double tol = 1e-12 * Math.max(budget, 1e-300);
      if (budget - yHi <= tol || hi - lo <= 1e-15 * hi) {
        break;
      }
      double mid = hi - (yHi - budget) * (hi - lo) / (yHi - yLo);
      if (!(mid > lo && mid < hi)) {
        mid = 0.5 * (lo + hi);
      }
      mu = mid;
      ok = solveAtMu(maxIterations);
      double y = total;
      if (y > budget) {
        lo = mid;
        yLo = y;
        if (side == -1) {
          yHi = budget + 0.5 * (yHi - budget);
        }
        side = -1;
      } else {
        hi = mid;
        yHi = y;
        if (side == 1) {
          yLo = budget + 0.5 * (yLo - budget);
        }
        side = 1;
      }
    }
    if (mu != hi) {
      mu = hi;
      ok = solveAtMu(maxIterations);
    }
    return ok && total <= budget * (1 + 1e-12);
  }

  /** Damped Newton on {@code F(z) = z − Σ a_i s_i(∇G(z))}. */
  private boolean newton(int maxIterations) {
    double normF = evaluate(z);
    for (int it = 0; it < maxIterations; it++) {
      iterations++;
      if (normF <= 1e-13) {
        return true;
      }
      // J = I − M H, solve J step = −F
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < m; c++) {
          double v = 0;
          for (int k = 0; k < m; k++) {
            v += mat[r * m + k] * hess[k * m + c];
          }
          jac[r * m + c] = (r == c ? 1.0 : 0.0) - v;
        }
        step[r] = resp[r] - z[r];
      }
      if (!SmallLinear.solve(jac, step, m)) {
        for (int k = 0; k < m; k++) {
          step[k] = resp[k] - z[k];
        }
      }
      System.arraycopy(z, 0, best, 0, m);
      double t = 1.0;
      boolean accepted = false;
      double bestNorm = normF;
      for (int ls = 0; ls < 40; ls++) {
        for (int k = 0; k < m; k++) {
          zTrial[k] = Math.min(zMax[k], Math.max(zMin[k], best[k] + t * step[k]));
        }
        double trial = evaluate(zTrial);
        if (trial < (1 - 1e-4 * t) * normF) {
          System.arraycopy(zTrial, 0, z, 0, m);
          normF = trial;
          accepted = true;
          break;
        }
        if (trial < bestNorm) {
          bestNorm = trial;
        }
        t *= 0.5;
      }
      if (!accepted) {
        // No decrease along the Newton direction: the step is at rounding level, or the map jumps.
        System.arraycopy(best, 0, z, 0, m);
        normF = evaluate(z);
        return normF <= 1e-10;
      }
    }
    return normF <= 1e-10;
  }

  /** Responses at {@code zz}; fills s, dsdp, resp, mat, lam, hess, total; returns the scaled residual. */
  private double evaluate(double[] zz) {
    perf.commonGradient(zz, lam);
    perf.commonHessian(zz, hess);
    Arrays.fill(resp, 0.0);
    Arrays.fill(mat, 0.0);
    double y = 0;
    for (int i = 0; i < n; i++) {
      int row = i * m;
      double p = 0;
      for (int k = 0; k < m; k++) {
        p += lam[k] * a[row + k];
      }
      double si = respond(i, p, s[i]);
      s[i] = si;
      y += si;
      double d = dsdp[i];
      for (int k = 0; k < m; k++) {
        double ak = a[row + k];
        resp[k] += ak * si;
        if (d != 0) {
          for (int l = 0; l < m; l++) {
            mat[k * m + l] += d * ak * a[row + l];
          }
        }
      }
    }
    evaluations += n;
    total = y;
    double norm = 0;
    for (int k = 0; k < m; k++) {
      double r = Math.abs(zz[k] - resp[k]) / (1.0 + Math.abs(zz[k]) + Math.abs(resp[k]));
      norm = Math.max(norm, r);
    }
    return Double.isFinite(norm) ? norm : Double.POSITIVE_INFINITY;
  }

  /**
   * {@code argmax_{x∈[0,S_i]} ω_i(p − μ)x + τ_i x + β_i g_i(x) − c_i(x) − ½ε_i x²}; stores {@code ds/dp}.
   */
  double respond(int i, double p, double guess) {
    double c = cap[i];
    if (!(c > 0)) {
      dsdp[i] = 0;
      return 0;
    }
    double lin = om[i] * (p - mu) + ta[i];
    double b = be[i];
    double e = prox[i];
    double d0 = lin + b * perf.privateSlope(i, 0) - cost.marginal(i, 0);
    if (!(d0 > 0)) {
      dsdp[i] = 0;
      return 0;
    }
    double dS = lin + b * perf.privateSlope(i, c) - cost.marginal(i, c) - e * c;
    if (dS >= 0) {
      dsdp[i] = 0;
      return c;
    }
    double lo = 0;
    double hi = c;
    double x = guess > 0 && guess < c ? guess : 0.5 * c;
    for (int k = 0; k < 200; k++) {
      double f = lin + b * perf.privateSlope(i, x) - cost.marginal(i, x) - e * x;
      if (f > 0) {
        lo = x;
      } else if (f < 0) {
        hi = x;
      } else {
        break;
      }
      double fp = b * perf.privateCurvature(i, x) - cost.curvature(i, x) - e;
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
    double curv = b * perf.privateCurvature(i, x) - cost.curvature(i, x) - e;
    dsdp[i] = curv < 0 ? -om[i] / curv : 0;
    return x;
  }

  private void aggregate(double[] prof, double[] out) {
    Arrays.fill(out, 0.0);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < m; k++) {
        out[k] += a[i * m + k] * prof[i];
      }
    }
  }
}
