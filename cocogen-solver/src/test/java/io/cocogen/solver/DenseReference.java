package io.cocogen.solver;

import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.Federation;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import java.util.Arrays;

/**
 * An independent dense reference for small games (n up to a few hundred), written from MODEL.md §2, §3
 * and §6 alone: the full γ matrix read entry by entry, the stakes recomputed from it, the potential
 * {@code Φ} and the welfare {@code SW} with their dense gradients from the formulas, and a spectral projected
 * gradient method (Barzilai–Borwein steps, nonmonotone Armijo line search, Birgin–Martínez–Raydan SPG2)
 * with the exact projection onto {@code {0 ≤ s_i ≤ S_i, Σ s_i ≤ B}} (bisection on the threshold). Shares
 * no code with the solver; from the api it only reads the raw inputs (organizations' columns, the scaling
 * law's parameters, {@code γ_ij}, {@code θ}, {@code B}).
 */
final class DenseReference {
  final int n;
  final double[] d;
  final double[] delta;
  final double[] q;
  final double[] kappa;
  final double[] eta;
  final double[] cap;
  final double[] rho;
  final double[][] gamma;
  final double theta;
  final double budget;
  final double lref;
  final double floor;
  final double scaleA;
  final double beta;
  final double drift;
  final double mismatch;
  final double dTotal;
  final double hTotal;
  /** {@code w_i}, {@code b_i}, {@code B_j}, {@code W}, recomputed from the dense matrix. */
  final double[] w;
  final double[] b;
  final double[] bw;
  final double totalW;

  DenseReference(RoundGame game) {
    Federation f = game.federation();
    n = f.size();
    d = f.realSamples().clone();
    delta = f.skew().clone();
    q = f.quality().clone();
    kappa = f.unitCost().clone();
    eta = f.quadraticCost().clone();
    cap = f.capacity().clone();
    rho = f.marketValue().clone();
    CompetitionStructure cs = game.competitionStructure();
    gamma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        gamma[i][j] = cs.gamma(i, j);
      }
    }
    theta = game.theta();
    budget = game.budget();
    ScalingLawModel law = (ScalingLawModel) game.performanceModel();
    lref = law.referenceLoss();
    floor = law.lossFloor();
    scaleA = law.scale();
    beta = law.exponent();
    drift = law.drift();
    mismatch = law.mismatch();
    double dt = 0;
    double ht = 0;
    for (int i = 0; i < n; i++) {
      dt += d[i];
      ht += d[i] * delta[i];
    }
    dTotal = dt;
    hTotal = ht;
    w = new double[n];
    b = new double[n];
    bw = new double[n];
    double tw = 0;
    for (int i = 0; i < n; i++) {
      double row = 0;
      double valueRow = 0;
      double col = 0;
      for (int j = 0; j < n; j++) {
        row += gamma[i][j];
        valueRow += gamma[i][j] * rho[j];
        col += gamma[j][i];
      }
      b[i] = rho[i] * (1 + theta * row);
      w[i] = b[i] - valueRow;
      bw[i] = rho[i] * (1 + theta * row - col);
      tw += w[i];
    }
    totalW = tw;
  }

  // ---- the model, straight from the formulas -------------------------------------------------------

  double x(double[] s) {
    double v = 0;
    for (int j = 0; j < n; j++) {
      v += q[j] * s[j];
    }
    return v;
  }

  double y(double[] s) {
    double v = 0;
    for (int j = 0; j < n; j++) {
      v += s[j];
    }
    return v;
  }

  /** {@code G = L_ref − ℓ∞ − A(D+X)^(−β) − C·H/(D+Y)}. */
  double common(double xx, double yy) {
    return lref - floor - scaleA * Math.pow(dTotal + xx, -beta) - drift * hTotal / (dTotal + yy);
  }

  double commonX(double xx) {
    return scaleA * beta * Math.pow(dTotal + xx, -beta - 1);
  }

  double commonY(double yy) {
    return drift * hTotal / ((dTotal + yy) * (dTotal + yy));
  }

  /** {@code g_k(s) = −E δ_k d_k/(d_k + q_k s)}. */
  double priv(int k, double s) {
    return -mismatch * delta[k] * d[k] / (d[k] + q[k] * s);
  }

  double privSlope(int k, double s) {
    double u = d[k] + q[k] * s;
    return mismatch * delta[k] * d[k] * q[k] / (u * u);
  }

  double costOf(int k, double s) {
    return kappa[k] * s + 0.5 * eta[k] * s * s;
  }

  double costSlope(int k, double s) {
    return kappa[k] + eta[k] * s;
  }

  /** {@code G_i(s) = L_ref − L_i(s)}. */
  double gain(int i, double[] s) {
    return common(x(s), y(s)) + priv(i, s[i]);
  }

  /** {@code U_i} in its original form (MODEL.md §3, first line), O(n). */
  double utility(int i, double[] s) {
    double g = common(x(s), y(s));
    double gi = g + priv(i, s[i]);
    double loss = 0;
    for (int j = 0; j < n; j++) {
      if (j != i && gamma[i][j] != 0) {
        loss += gamma[i][j] * (rho[j] * (g + priv(j, s[j])) - theta * rho[i] * gi);
      }
    }
    return rho[i] * gi - costOf(i, s[i]) - loss;
  }

  /** {@code Φ(s) = G + Σ (b_k g_k − c_k)/w_k}. */
  double potential(double[] s) {
    double v = common(x(s), y(s));
    for (int k = 0; k < n; k++) {
      v += (b[k] * priv(k, s[k]) - costOf(k, s[k])) / w[k];
    }
    return v;
  }

  void potentialGradient(double[] s, double[] out) {
    double gx = commonX(x(s));
    double gy = commonY(y(s));
    for (int k = 0; k < n; k++) {
      out[k] = q[k] * gx + gy + (b[k] * privSlope(k, s[k]) - costSlope(k, s[k])) / w[k];
    }
  }

  /** {@code SW = W G + Σ (B_j g_j − c_j)}. */
  double welfare(double[] s) {
    double v = totalW * common(x(s), y(s));
    for (int k = 0; k < n; k++) {
      v += bw[k] * priv(k, s[k]) - costOf(k, s[k]);
    }
    return v;
  }

  void welfareGradient(double[] s, double[] out) {
    double gx = totalW * commonX(x(s));
    double gy = totalW * commonY(y(s));
    for (int k = 0; k < n; k++) {
      out[k] = q[k] * gx + gy + bw[k] * privSlope(k, s[k]) - costSlope(k, s[k]);
    }
  }

  boolean potentialGame() {
    for (double v : w) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }

  boolean welfareConcave() {
    if (!(totalW > 0)) {
      return false;
    }
    for (double v : bw) {
      if (v < 0) {
        return false;
      }
    }
    return true;
  }

  /** A smooth objective with its gradient, to be maximised. */
  interface Objective {
    double value(double[] s);

    void gradient(double[] s, double[] out);
  }

  Objective potentialObjective() {
    return new Objective() {
      @Override public double value(double[] s) { return potential(s); }
      @Override public void gradient(double[] s, double[] out) { potentialGradient(s, out); }
    };
  }

  Objective welfareObjective() {
    return new Objective() {
      @Override public double value(double[] s) { return welfare(s); }
      @Override public void gradient(double[] s, double[] out) { welfareGradient(s, out); }
    };
  }

  // ---- feasible set and projection ------------------------------------------------------------------

  /**
   * Euclidean projection of {@code v} (in scaled coordinates {@code u_i = s_i/S_i}) onto
   * {@code {0 ≤ u_i ≤ 1, Σ S_i u_i ≤ B}}: {@code u_i = clip(v_i − t S_i, 0, 1)} with the smallest
   * {@code t ≥ 0} meeting the budget, found by bisection (feasible side kept).
   */
  void project(double[] v, double[] out) {
    double used = 0;
    for (int i = 0; i < n; i++) {
      out[i] = clip01(v[i]);
      used += cap[i] * out[i];
    }
    if (budget == Double.POSITIVE_INFINITY || used <= budget) {
      return;
    }
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < n; i++) {
      if (cap[i] > 0) {
        hi = Math.max(hi, v[i] / cap[i]);
      }
    }
    // At t = hi every u_i is 0, feasible.
    for (int it = 0; it < 300 && hi > lo; it++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (usedAt(v, mid) > budget) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    for (int i = 0; i < n; i++) {
      out[i] = clip01(v[i] - hi * cap[i]);
    }
  }

  private double usedAt(double[] v, double t) {
    double used = 0;
    for (int i = 0; i < n; i++) {
      used += cap[i] * clip01(v[i] - t * cap[i]);
    }
    return used;
  }

  private static double clip01(double v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }

  // ---- spectral projected gradient ------------------------------------------------------------------

  /** Result of a maximisation: the profile {@code s}, its value and the iterations spent. */
  record Max(double[] s, double value, int iterations) {}

  /**
   * Maximises {@code f} over the feasible set by SPG2 from {@code start} (projected first; null for the
   * midpoint of the box scaled into the budget).
   */
  Max maximise(Objective f, double[] start, int maxIterations) {
    double[] u = new double[n];
    double[] v = new double[n];
    double[] s = new double[n];
    if (start == null) {
      Arrays.fill(v, 0.5);
    } else {
      for (int i = 0; i < n; i++) {
        v[i] = cap[i] > 0 ? start[i] / cap[i] : 0;
      }
    }
    project(v, u);
    double[] g = new double[n];
    double[] gNew = new double[n];
    double[] uNew = new double[n];
    double[] dir = new double[n];
    final int memory = 10;
    double[] history = new double[memory];
    toProfile(u, s);
    double fu = -f.value(s);
    gradientU(f, s, g);
    Arrays.fill(history, Double.NEGATIVE_INFINITY);
    history[0] = fu;
    double alpha = 1.0;
    double pg = projectedGradientNorm(u, g, v, dir);
    if (pg > 0) {
      alpha = Math.min(1e12, Math.max(1e-12, 1.0 / pg));
    }
    int it = 0;
    int stuck = 0;
    for (; it < maxIterations; it++) {
      if (pg <= 1e-15) {
        break;
      }
      for (int i = 0; i < n; i++) {
        v[i] = u[i] - alpha * g[i];
      }
      project(v, dir);
      double gd = 0;
      for (int i = 0; i < n; i++) {
        dir[i] -= u[i];
        gd += g[i] * dir[i];
      }
      if (!(gd < 0)) {
        break;
      }
      double fmax = Double.NEGATIVE_INFINITY;
      for (double h : history) {
        fmax = Math.max(fmax, h);
      }
      double lambda = 1.0;
      double fNew;
      while (true) {
        for (int i = 0; i < n; i++) {
          uNew[i] = u[i] + lambda * dir[i];
        }
        toProfile(uNew, s);
        fNew = -f.value(s);
        if (fNew <= fmax + 1e-4 * lambda * gd || lambda < 1e-30) {
          break;
        }
        double lt = -0.5 * lambda * lambda * gd / (fNew - fu - lambda * gd);
        lambda = (lt >= 0.1 * lambda && lt <= 0.9 * lambda) ? lt : 0.5 * lambda;
      }
      if (lambda < 1e-30) {
        break;
      }
      gradientU(f, s, gNew);
      double ss = 0;
      double sy = 0;
      for (int i = 0; i < n; i++) {
        double si = uNew[i] - u[i];
        ss += si * si;
        sy += si * (gNew[i] - g[i]);
      }
      stuck = fNew < fu ? 0 : stuck + 1;
      System.arraycopy(uNew, 0, u, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fu = fNew;
      history[(it + 1) % memory] = fu;
      alpha = sy > 0 ? Math.min(1e12, Math.max(1e-12, ss / sy)) : 1e12;
      pg = projectedGradientNorm(u, g, v, dir);
      if (stuck > 50) {
        break;
      }
    }
    toProfile(u, s);
    return new Max(s.clone(), f.value(s), it);
  }

  /** The best of {@link #maximise} runs from several starts (the midpoint, zero, capacity, {@code extra}). */
  Max maximiseMultiStart(Objective f, int maxIterations, double[]... extra) {
    Max best = maximise(f, null, maxIterations);
    double[][] starts = new double[2 + extra.length][];
    starts[0] = new double[n];
    starts[1] = cap.clone();
    System.arraycopy(extra, 0, starts, 2, extra.length);
    for (double[] st : starts) {
      if (st == null) {
        continue;
      }
      Max m = maximise(f, st, maxIterations);
      if (m.value() > best.value()) {
        best = m;
      }
    }
    return best;
  }

  private void toProfile(double[] u, double[] s) {
    for (int i = 0; i < n; i++) {
      s[i] = Math.min(cap[i], u[i] * cap[i]);
    }
  }

  private void gradientU(Objective f, double[] s, double[] out) {
    f.gradient(s, out);
    for (int i = 0; i < n; i++) {
      out[i] = -out[i] * cap[i];
    }
  }

  private double projectedGradientNorm(double[] u, double[] g, double[] v, double[] tmp) {
    for (int i = 0; i < n; i++) {
      v[i] = u[i] - g[i];
    }
    project(v, tmp);
    double norm = 0;
    for (int i = 0; i < n; i++) {
      norm = Math.max(norm, Math.abs(tmp[i] - u[i]));
    }
    return norm;
  }

  /** Sum of magnitudes of the terms of {@code U_i(s)}: the scale of its rounding error. */
  double utilityScale(int i, double[] s) {
    double g = Math.abs(common(x(s), y(s))) + scaleA * Math.pow(dTotal, -beta) + drift * hTotal / dTotal + lref;
    double total = rho[i] * (g + Math.abs(priv(i, s[i]))) + Math.abs(costOf(i, s[i]));
    for (int j = 0; j < n; j++) {
      if (gamma[i][j] != 0) {
        total += gamma[i][j] * (rho[j] * (g + Math.abs(priv(j, s[j]))) + theta * rho[i] * (g + Math.abs(priv(i, s[i]))));
      }
    }
    return total;
  }
}
