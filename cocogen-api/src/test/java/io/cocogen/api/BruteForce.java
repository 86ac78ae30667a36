package io.cocogen.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Independent reference computations for the tests: the competition matrix straight from each kind's
 * definition (MODEL.md §1), dense products, the loss of MODEL.md §2 and the utility of §3 in its original
 * form. Deliberately naive, O(n²), and sharing no code with the main classes beyond their accessors.
 */
public final class BruteForce {
  private BruteForce() {}

  /** The n×n matrix read entry by entry through {@link CompetitionStructure#gamma}. */
  public static double[][] dense(CompetitionStructure s) {
    int n = s.size();
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        g[i][j] = s.gamma(i, j);
      }
    }
    return g;
  }

  /** {@code γ} from the raw definition of an id-based competition over the organization order {@code ids}. */
  public static double[][] rawGamma(Competition c, List<String> ids) {
    int n = ids.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(ids.get(i), i);
    }
    double[][] g = new double[n][n];
    if (c instanceof Competition.None) {
      return g;
    }
    if (c instanceof Competition.Uniform u) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          g[i][j] = i == j ? 0 : u.gammaBar() / (n - 1);
        }
      }
      return g;
    }
    if (c instanceof Competition.Segments s) {
      String[] seg = new String[n];
      for (int i = 0; i < n; i++) {
        seg[i] = s.of().get(ids.get(i));
      }
      return rawSegments(seg, s.within(), s.across());
    }
    if (c instanceof Competition.Sparse s) {
      for (Competition.Rivalry r : s.rivalries()) {
        g[index.get(r.org())][index.get(r.rival())] = r.gamma();
      }
      return g;
    }
    if (c instanceof Competition.Dense d) {
      return d.gamma();
    }
    throw new AssertionError("unknown kind " + c);
  }

  /** Segments: {@code γ_ij = within/(m_i − 1)} for same-segment rivals, {@code across/(n − m_i)} otherwise. */
  public static double[][] rawSegments(Object[] segmentOf, double within, double across) {
    int n = segmentOf.length;
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (segmentOf[j].equals(segmentOf[i])) {
          m++;
        }
      }
      for (int j = 0; j < n; j++) {
        if (j != i) {
          g[i][j] = segmentOf[j].equals(segmentOf[i]) ? within / (m - 1) : across / (n - m);
        }
      }
    }
    return g;
  }

  /** {@code y = Γ x}. */
  public static double[] times(double[][] g, double[] x) {
    double[] y = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        y[i] += g[i][j] * x[j];
      }
    }
    return y;
  }

  /** {@code y = Γᵀ x}. */
  public static double[] timesTranspose(double[][] g, double[] x) {
    double[] y = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        y[j] += g[i][j] * x[i];
      }
    }
    return y;
  }

  /** Label skew of an organization: the given one, or the total variation computed here. */
  public static double skew(Organization o, double[] target) {
    if (o.skew() != null) {
      return o.skew();
    }
    double[] h = o.labelHistogram();
    double total = 0;
    for (double v : h) {
      total += v;
    }
    double tv = 0;
    for (int k = 0; k < h.length; k++) {
      double p = target != null ? target[k] : 1.0 / h.length;
      tv += Math.abs(h[k] / total - p);
    }
    return tv / 2;
  }

  /** Every organization's loss {@code L_i(s)} of MODEL.md §2, straight from the formula. */
  public static double[] losses(RoundGame game, double[] s) {
    ScalingLawModel law = (ScalingLawModel) game.performanceModel();
    List<Organization> orgs = game.federation().organizations();
    double[] target = game.federation().targetDistribution();
    int n = orgs.size();
    double d = 0;
    double h = 0;
    double x = 0;
    double y = 0;
    double[] delta = new double[n];
    for (int j = 0; j < n; j++) {
      Organization o = orgs.get(j);
      delta[j] = skew(o, target);
      d += o.realSamples();
      h += o.realSamples() * delta[j];
      x += o.quality() * s[j];
      y += s[j];
    }
    double[] loss = new double[n];
    for (int i = 0; i < n; i++) {
      Organization o = orgs.get(i);
      loss[i] = law.lossFloor() + law.scale() * Math.pow(d + x, -law.exponent()) + law.drift() * h / (d + y)
          + law.mismatch() * delta[i] * o.realSamples() / (o.realSamples() + o.quality() * s[i]);
    }
    return loss;
  }

  /**
   * Utilities in the original form of MODEL.md §3,
   * {@code U_i = ρ_i G_i − c_i − Σ_{j≠i} γ_ij[ρ_j G_j − θ ρ_i G_i]}, with {@code G_i = L_ref − L_i}; also
   * returns, in {@code scale}, the sum of the absolute values of those terms.
   */
  public static double[] utilities(RoundGame game, double[][] gamma, double[] s, double[] scale) {
    ScalingLawModel law = (ScalingLawModel) game.performanceModel();
    List<Organization> orgs = game.federation().organizations();
    int n = orgs.size();
    double[] loss = losses(game, s);
    double[] gain = new double[n];
    for (int i = 0; i < n; i++) {
      gain[i] = law.referenceLoss() - loss[i];
    }
    double theta = game.theta();
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      Organization o = orgs.get(i);
      double rho = o.marketValue();
      double cost = o.unitCost() * s[i] + 0.5 * o.quadraticCost() * s[i] * s[i];
      double competition = 0;
      double abs = Math.abs(rho * gain[i]) + cost;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double rhoJ = orgs.get(j).marketValue();
          competition += gamma[i][j] * (rhoJ * gain[j] - theta * rho * gain[i]);
          abs += gamma[i][j] * (Math.abs(rhoJ * gain[j]) + theta * Math.abs(rho * gain[i]));
        }
      }
      u[i] = rho * gain[i] - cost - competition;
      if (scale != null) {
        scale[i] = abs;
      }
    }
    return u;
  }

  /** A random profile in the capacity box, with some coordinates exactly on its faces. */
  public static double[] randomProfile(RoundGame game, RandomGenerator r) {
    double[] cap = game.capacity();
    double[] s = new double[cap.length];
    for (int i = 0; i < s.length; i++) {
      double u = r.nextDouble();
      s[i] = u < 0.1 ? 0.0 : u < 0.2 ? cap[i] : r.nextDouble() * cap[i];
    }
    return s;
  }

  /**
   * The pure Nash equilibrium of a potential game without budget, by Gauss-Seidel best responses: each
   * {@code U_i(·, s_−i)} is concave when {@code w_i > 0}, so its best response is where the monotone
   * derivative {@code w_i ∇G·a_i + b_i g_i' − c_i'} changes sign (bisection).
   */
  public static double[] equilibrium(RoundGame game) {
    game.requirePotentialGame();
    int n = game.size();
    int m = game.dimension();
    BoundPerformance perf = game.performance();
    CostModel.BoundCost cost = game.cost();
    double[] a = game.coefficients();
    double[] w = game.commonStakes();
    double[] b = game.privateStakes();
    double[] cap = game.capacity();
    double[] s = new double[n];
    double[] z = new double[m];
    double[] zi = new double[m];
    double[] grad = new double[m];
    for (int sweep = 0; sweep < 2000; sweep++) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < m; k++) {
          zi[k] = z[k] - a[i * m + k] * s[i];
        }
        double lo = 0;
        double hi = cap[i];
        double best;
        if (slope(i, lo, zi, a, m, w, b, perf, cost, grad) <= 0) {
          best = lo;
        } else if (slope(i, hi, zi, a, m, w, b, perf, cost, grad) >= 0) {
          best = hi;
        } else {
          for (int it = 0; it < 200 && hi - lo > 1e-12 * cap[i]; it++) {
            double mid = 0.5 * (lo + hi);
            if (slope(i, mid, zi, a, m, w, b, perf, cost, grad) > 0) {
              lo = mid;
            } else {
              hi = mid;
            }
          }
          best = 0.5 * (lo + hi);
        }
        change = Math.max(change, Math.abs(best - s[i]) / Math.max(1, cap[i]));
        s[i] = best;
        for (int k = 0; k < m; k++) {
          z[k] = zi[k] + a[i * m + k] * best;
        }
      }
      if (change < 1e-11) {
        return s;
      }
    }
    throw new AssertionError("best-response dynamics did not converge");
  }

  private static double slope(int i, double si, double[] zi, double[] a, int m, double[] w, double[] b,
      BoundPerformance perf, CostModel.BoundCost cost, double[] grad) {
    double[] z = new double[m];
    for (int k = 0; k < m; k++) {
      z[k] = zi[k] + a[i * m + k] * si;
    }
    perf.commonGradient(z, grad);
    double common = 0;
    for (int k = 0; k < m; k++) {
      common += grad[k] * a[i * m + k];
    }
    return w[i] * common + b[i] * perf.privateSlope(i, si) - cost.marginal(i, si);
  }
}
