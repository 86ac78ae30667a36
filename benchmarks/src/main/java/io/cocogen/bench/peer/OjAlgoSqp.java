package io.cocogen.bench.peer;

import io.cocogen.api.RoundGame;
import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Baseline (b): ojAlgo's generic convex (QP) solver on the same potential, by sequential quadratic
 * programming. In {@code x = s/S ∈ [0,1]^n} and scaled aggregates {@code ζ = z / D}, each iteration
 * maximises the exact second-order model of {@code Φ} at the current point,
 * {@code ∇Φ·d + ½ dᵀ∇²Φ d}, written with the aggregates as explicit variables so that the Hessian stays
 * sparse (diagonal in x, {@code ∇²G} in ζ) and the coupling is the m linear equalities
 * {@code ζ_k = Σ_i a_ik S_i x_i / D}; then an Armijo line search on the true {@code Φ}. The model is one
 * {@link ExpressionsBasedModel} whose objective coefficients are reset each iteration. Stops when the
 * projected-gradient norm is at most {@code gtol} (as the other peers), after {@code maxIterations},
 * or when a QP fails.
 */
public final class OjAlgoSqp {
  private final ScaledPotential phi;
  private final double gtol;
  private final int maxIterations;
  private int iterations;
  private String status = "not run";
  private double projectedGradient;

  public OjAlgoSqp(RoundGame game, double gtol, int maxIterations) {
    this.phi = new ScaledPotential(game);
    this.gtol = gtol;
    this.maxIterations = maxIterations;
  }

  /** Maximises {@code Φ}; returns the profile {@code s}. */
  public double[] solve() {
    int n = phi.size();
    int m = phi.dimension();
    double scaleZ = 0;
    for (double d : phi.game().federation().realSamples()) {
      scaleZ += d;
    }
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    List<Variable> xs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      xs.add(model.addVariable("x" + i).lower(0.0).upper(1.0));
    }
    List<Variable> zs = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      zs.add(model.addVariable("z" + k));
    }
    for (int k = 0; k < m; k++) {
      Expression c = model.addExpression("aggregate" + k).level(0.0);
      c.set(zs.get(k), 1.0);
      for (int i = 0; i < n; i++) {
        double v = phi.scaledCoefficient(i, k) / scaleZ;
        if (v != 0) {
          c.set(xs.get(i), -v);
        }
      }
    }
    Expression objective = model.addExpression("objective").weight(1.0);

    double[] x = new double[n];
    double[] g = new double[n];
    double[] diag = new double[n];
    double[] hz = new double[m * m];
    double[] xt = new double[n];
    double[] zeta = new double[m];
    java.util.Arrays.fill(x, 0.5);
    double f = phi.valueAndGradient(x, g);
    double pg = ScaledPotential.projectedGradientNorm(x, g);
    int it = 0;
    status = "converged";
    while (pg > gtol) {
      if (it >= maxIterations) {
        status = "iteration limit";
        break;
      }
      it++;
      phi.hessianParts(x, diag, hz);
      double[] lam = phi.commonGradient();
      double[] z = phi.aggregates();
      // Separable part in x: (private gradient) d + ½ h d², with d = x − x0. The common part goes
      // through ζ: λ·D (ζ − ζ0) + ½ D² (ζ − ζ0)ᵀ ∇²G (ζ − ζ0).
      for (int i = 0; i < n; i++) {
        double common = 0;
        for (int k = 0; k < m; k++) {
          common += lam[k] * phi.scaledCoefficient(i, k);
        }
        double privGrad = g[i] - common;
        double h = diag[i];
        objective.set(xs.get(i), privGrad - h * x[i]);
        objective.set(xs.get(i), xs.get(i), 0.5 * h);
      }
      for (int k = 0; k < m; k++) {
        zeta[k] = z[k] / scaleZ;
      }
      for (int k = 0; k < m; k++) {
        double lin = lam[k] * scaleZ;
        for (int l = 0; l < m; l++) {
          lin -= scaleZ * scaleZ * hz[k * m + l] * zeta[l];
        }
        objective.set(zs.get(k), lin);
        for (int l = 0; l < m; l++) {
          objective.set(zs.get(k), zs.get(l), 0.5 * scaleZ * scaleZ * hz[k * m + l]);
        }
      }
      Optimisation.Result r = model.maximise();
      if (!r.getState().isFeasible()) {
        status = "QP " + r.getState();
        break;
      }
      double gain = 0;
      for (int i = 0; i < n; i++) {
        double target = Math.min(1.0, Math.max(0.0, r.doubleValue(i)));
        xt[i] = target - x[i];
        gain += g[i] * xt[i];
      }
      if (!(gain > 0)) {
        status = "no ascent direction";
        break;
      }
      double t = 1.0;
      double[] trial = new double[n];
      double ft = Double.NEGATIVE_INFINITY;
      for (int ls = 0; ls < 50; ls++) {
        for (int i = 0; i < n; i++) {
          trial[i] = x[i] + t * xt[i];
        }
        ft = phi.value(trial);
        if (ft >= f + 1e-4 * t * gain) {
          break;
        }
        t *= 0.5;
      }
      if (!(ft >= f)) {
        status = "line search failed";
        break;
      }
      System.arraycopy(trial, 0, x, 0, n);
      f = phi.valueAndGradient(x, g);
      pg = ScaledPotential.projectedGradientNorm(x, g);
    }
    iterations = it;
    projectedGradient = pg;
    double[] s = new double[n];
    phi.toProfile(x, s);
    return s;
  }

  public int iterations() { return iterations; }

  public String status() { return status; }

  /** The projected-gradient norm at the returned point. */
  public double projectedGradient() { return projectedGradient; }
}
