package io.cocogen.incentive;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.CostModel;
import io.cocogen.api.Federation;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.WelfareOptimizer;
import io.cocogen.solver.WelfareOptimum;
import java.util.Arrays;

/**
 * The §4 fast path for coalition games (MODEL.md §9) without building a {@link RoundGame} per coalition:
 * the coalition grows one member at a time ({@link #push}), its competition sums are updated in O(k)
 * from {@code γ_ij} of the full game (what {@code restrictTo} keeps), and each solve is a damped Newton on
 * the m aggregates warm-started from the caller's profile. With the default scaling law and quadratic
 * cost nothing is allocated per coalition; other models are bound to the restricted federation.
 *
 * <p>A lean solve is accepted when the aggregate fixed point converges: every member then plays its
 * exact best response to {@code λ = ∇G(z)}, which are the KKT conditions of the concave potential (or of
 * concave welfare). Coalitions outside that setting (a member with {@code w_i ≤ 0}, welfare that is not
 * concave, a member with a linear objective, or no convergence) are handed to the certified solver on
 * {@code game.restrictTo(members)} and counted.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class CoalitionSolver {
  private static final double TOL = 1e-13;
  private static final double ACCEPT = 1e-10;

  private final RoundGame game;
  private final SolverOptions options;
  private final int m;
  private final double theta;
  private final double budget;
  private final double[] rho;
  private final double[] capFull;
  private final CompetitionStructure gamma;
  private final Model model;

  int k;
  final int[] mem;
  private final double[] gam;
  private final double[] rsum;
  private final double[] csum;
  private final double[][] snap;

  private final double[] om;
  private final double[] be;
  private final double[] cap;
  private final double[] dsdp;
  private final double[] z;
  private final double[] lam;
  private final double[] hess;
  private final double[] resp;
  private final double[] mat;
  private final double[] jac;
  private final double[] step;
  private final double[] zTrial;
  private final double[] zBest;
  private final double[] zMin;
  private final double[] zMax;
  private final double[][] lastLam;
  private final double[] lastMu = new double[2];
  private final boolean[] lamValid = new boolean[2];
  private double[] work;
  private double mu;
  private double total;
  private double residual;

  long leanSolves;
  long fallbackSolves;
  long approximateSolves;
  double maxResidual;

  /**
   * @param snapshots keep per-depth copies of the competition sums so {@link #pop} restores them exactly
   *     (for depth-first enumeration; needs O(n²) memory, so only for small n)
   */
  CoalitionSolver(RoundGame game, SolverOptions options, boolean snapshots) {
    this.game = game;
    this.options = options;
    int n = game.size();
    this.m = game.dimension();
    this.theta = game.theta();
    this.budget = game.budget();
    this.rho = game.federation().marketValue();
    this.capFull = game.capacity();
    this.gamma = game.competitionStructure();
    this.model = game.performanceModel() instanceof ScalingLawModel law && game.costModel() instanceof QuadraticCost
        ? new ScalingLawCoalition(game, law, n) : new BoundCoalition(game, n);
    mem = new int[n];
    gam = new double[n];
    rsum = new double[n];
    csum = new double[n];
    snap = snapshots ? new double[n][] : null;
    om = new double[n];
    be = new double[n];
    cap = new double[n];
    dsdp = new double[n];
    z = new double[m];
    lam = new double[m];
    hess = new double[m * m];
    resp = new double[m];
    mat = new double[m * m];
    jac = new double[m * m];
    step = new double[m];
    zTrial = new double[m];
    zBest = new double[m];
    zMin = new double[m];
    zMax = new double[m];
    lastLam = new double[2][m];
  }

  RoundGame game() {
    return game;
  }

  /** Empties the coalition. */
  void clear() {
    k = 0;
    lamValid[0] = false;
    lamValid[1] = false;
    model.clear();
  }

  /** Adds organization {@code j} (index in the full game) as the next member. */
  void push(int j) {
    int t = k;
    if (snap != null) {
      double[] saved = snap[t];
      if (saved == null || saved.length < 3 * t) {
        saved = new double[3 * Math.max(t, 1)];
        snap[t] = saved;
      }
      System.arraycopy(gam, 0, saved, 0, t);
      System.arraycopy(rsum, 0, saved, t, t);
      System.arraycopy(csum, 0, saved, 2 * t, t);
    }
    double g = 0;
    double r = 0;
    double c = 0;
    double rj = rho[j];
    for (int u = 0; u < t; u++) {
      int i = mem[u];
      double gij = gamma.gamma(i, j);
      double gji = gamma.gamma(j, i);
      gam[u] += gij;
      rsum[u] += gij * rj;
      csum[u] += gji;
      g += gji;
      r += gji * rho[i];
      c += gij;
    }
    mem[t] = j;
    gam[t] = g;
    rsum[t] = r;
    csum[t] = c;
    cap[t] = capFull[j];
    k = t + 1;
    model.push(mem, k);
  }

  /** Removes the last member (needs snapshots). */
  void pop() {
    int t = --k;
    double[] saved = snap[t];
    System.arraycopy(saved, 0, gam, 0, t);
    System.arraycopy(saved, t, rsum, 0, t);
    System.arraycopy(saved, 2 * t, csum, 0, t);
    model.pop(mem, k);
  }

  /**
   * Solves the coalition's equilibrium ({@code optimum} false) or welfare optimum and returns the
   * coalition's welfare there. {@code s[0..k)} holds the warm start on entry and the solution on exit.
   */
  double solve(boolean optimum, double[] s) {
    if (k == 0) {
      return 0.0;
    }
    model.bind(mem, k);
    double wTotal = 0;
    for (int t = 0; t < k; t++) {
      double b = rho[mem[t]] * (1 + theta * gam[t]);
      double w = b - rsum[t];
      om[t] = w;
      be[t] = b;
      wTotal += w;
    }
    if (optimum) {
      for (int t = 0; t < k; t++) {
        om[t] = wTotal;
        be[t] = rho[mem[t]] * (1 + theta * gam[t] - csum[t]);
      }
    }
    int mode = optimum ? 1 : 0;
    boolean lean = true;
    for (int t = 0; t < k && lean; t++) {
      double c = cap[t];
      lean = om[t] > 0 && be[t] >= 0 && !(c > 0 && flat(t, 0.0) && flat(t, c));
      if (!(s[t] >= 0 && s[t] <= c)) {
        s[t] = lean && lamValid[mode] ? guess(t, mode) : 0.5 * c;
      }
    }
    if (lean && (newtonSolve(s, false) || newtonSolve(s, true))) {
      System.arraycopy(lam, 0, lastLam[mode], 0, m);
      lastMu[mode] = mu;
      lamValid[mode] = true;
      leanSolves++;
      maxResidual = Math.max(maxResidual, residual);
      return welfare(s, wTotal);
    }
    return fallback(optimum, s);
  }

  /** A new member's response to the shadow prices of the last solve of the same kind: a close start. */
  private double guess(int t, int mode) {
    double p = 0;
    double[] l = lastLam[mode];
    for (int q = 0; q < m; q++) {
      p += l[q] * model.coefficient(t, q);
    }
    mu = lastMu[mode];
    double x = respond(t, p, 0.5 * cap[t]);
    mu = 0;
    return x;
  }

  private boolean flat(int t, double x) {
    model.foc(t, be[t], x);
    return model.focCurvature == 0;
  }

  /** {@code SW^S(s) = W^S G(z) + Σ B_t g_t(s_t) − Σ c_t(s_t)} (MODEL.md §6 on the coalition). */
  private double welfare(double[] s, double wTotal) {
    aggregate(s, z);
    double sw = wTotal * model.commonGain(z);
    for (int t = 0; t < k; t++) {
      double bw = rho[mem[t]] * (1 + theta * gam[t] - csum[t]);
      sw += bw * model.privateGain(t, s[t]) - model.cost(t, s[t]);
    }
    return sw;
  }

  private double fallback(boolean optimum, double[] s) {
    fallbackSolves++;
    RoundGame sub = game.restrictTo(Arrays.copyOf(mem, k));
    double[] x;
    double value;
    SolveState state;
    if (optimum) {
      WelfareOptimum w = WelfareOptimizer.optimize(sub, options);
      x = w.synthetic();
      value = w.welfare();
      state = w.state();
    } else {
      Equilibrium e = CocogenSolver.equilibrium(sub, options);
      x = e.synthetic();
      value = e.welfare();
      state = e.state();
    }
    if (state != SolveState.OPTIMAL) {
      approximateSolves++;
    }
    for (int t = 0; t < k; t++) {
      s[t] = Double.isFinite(x[t]) ? x[t] : 0.5 * cap[t];
    }
    return value;
  }

  // ---- the aggregate fixed point (MODEL.md §4) ----------------------------------------------------

  /** From the aggregate of the warm profile, or (retry) from {@code z = 0} as the solver's cold start does. */
  private boolean newtonSolve(double[] s, boolean fromZero) {
    work = s;
    Arrays.fill(zMin, 0.0);
    Arrays.fill(zMax, 0.0);
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < m; q++) {
        double v = model.coefficient(t, q) * cap[t];
        if (v < 0) {
          zMin[q] += v;
        } else {
          zMax[q] += v;
        }
      }
    }
    if (fromZero) {
      Arrays.fill(z, 0.0);
    } else {
      aggregate(s, z);
    }
    mu = 0;
    boolean ok = newton();
    if (budget != Double.POSITIVE_INFINITY && total > budget) {
      ok = solveBudget();
    }
    return ok;
  }

  private boolean newton() {
    double normF = evaluate(z);
    int maxIterations = options.maxIterations();
    for (int it = 0; it < maxIterations; it++) {
      if (normF <= TOL) {
        residual = normF;
        return true;
      }
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < m; c++) {
          double v = 0;
          for (int q = 0; q < m; q++) {
            v += mat[r * m + q] * hess[q * m + c];
          }
          jac[r * m + c] = (r == c ? 1.0 : 0.0) - v;
        }
        step[r] = resp[r] - z[r];
      }
      if (!solveLinear(jac, step, m)) {
        for (int q = 0; q < m; q++) {
          step[q] = resp[q] - z[q];
        }
      }
      System.arraycopy(z, 0, zBest, 0, m);
      double t = 1.0;
      boolean accepted = false;
      for (int ls = 0; ls < 40; ls++) {
        for (int q = 0; q < m; q++) {
          zTrial[q] = Math.min(zMax[q], Math.max(zMin[q], zBest[q] + t * step[q]));
        }
        double trial = evaluate(zTrial);
        if (trial < (1 - 1e-4 * t) * normF) {
          System.arraycopy(zTrial, 0, z, 0, m);
          normF = trial;
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        // No decrease along the Newton direction: rounding level, or a jump in the response map.
        System.arraycopy(zBest, 0, z, 0, m);
        normF = evaluate(z);
        residual = normF;
        return normF <= ACCEPT;
      }
    }
    residual = normF;
    return normF <= ACCEPT;
  }

  /** Illinois false position on {@code Σ s_t(μ) = B}, keeping the feasible side (as the solver does). */
  private boolean solveBudget() {
    double lo = 0;
    double yLo = total;
    double hi = 0;
    for (int q = 0; q < m; q++) {
      hi = Math.max(hi, Math.abs(lam[q]));
    }
    double amax = 0;
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < m; q++) {
        amax = Math.max(amax, Math.abs(model.coefficient(t, q)));
      }
    }
    hi = Math.max(hi * Math.max(amax, 1.0), 1e-300);
    double yHi;
    boolean ok;
    int guard = 0;
    while (true) {
      mu = hi;
      ok = newton();
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
      ok = newton();
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
      ok = newton();
    }
    // A priced budget must bind; a slack one at a positive price means the response map was too steep
    // to resolve in μ (a nearly linear member), which the certified solver handles.
    return ok && total <= budget * (1 + 1e-12) && total >= budget * (1 - 1e-9);
  }

  /** Responses at {@code zz} into the working profile; returns the scaled fixed-point residual. */
  private double evaluate(double[] zz) {
    double[] s = work;
    model.commonGradient(zz, lam);
    model.commonHessian(zz, hess);
    Arrays.fill(resp, 0.0);
    Arrays.fill(mat, 0.0);
    double y = 0;
    for (int t = 0; t < k; t++) {
      double p = 0;
      for (int q = 0; q < m; q++) {
        p += lam[q] * model.coefficient(t, q);
      }
      double x = respond(t, p, s[t]);
      s[t] = x;
      y += x;
      double d = dsdp[t];
      for (int q = 0; q < m; q++) {
        double aq = model.coefficient(t, q);
        resp[q] += aq * x;
        if (d != 0) {
          for (int l = 0; l < m; l++) {
            mat[q * m + l] += d * aq * model.coefficient(t, l);
          }
        }
      }
    }
    total = y;
    double norm = 0;
    for (int q = 0; q < m; q++) {
      double r = Math.abs(zz[q] - resp[q]) / (1.0 + Math.abs(zz[q]) + Math.abs(resp[q]));
      norm = Math.max(norm, r);
    }
    return Double.isFinite(norm) ? norm : Double.POSITIVE_INFINITY;
  }

  /** {@code argmax_{x∈[0,S_t]} ω_t(p − μ)x + β_t g_t(x) − c_t(x)}, safeguarded Newton; stores {@code ds/dp}. */
  private double respond(int t, double p, double guess) {
    double c = cap[t];
    if (!(c > 0)) {
      dsdp[t] = 0;
      return 0;
    }
    double lin = om[t] * (p - mu);
    double b = be[t];
    if (!(lin + model.foc(t, b, 0) > 0)) {
      dsdp[t] = 0;
      return 0;
    }
    if (lin + model.foc(t, b, c) >= 0) {
      dsdp[t] = 0;
      return c;
    }
    double lo = 0;
    double hi = c;
    double x = guess > 0 && guess < c ? guess : 0.5 * c;
    for (int it = 0; it < 200; it++) {
      double f = lin + model.foc(t, b, x);
      if (f > 0) {
        lo = x;
      } else if (f < 0) {
        hi = x;
      } else {
        break;
      }
      double fp = model.focCurvature;
      double xn = fp < 0 ? x - f / fp : Double.NaN;
      if (!(xn > lo && xn < hi)) {
        xn = 0.5 * (lo + hi);
      }
      double dx = Math.abs(xn - x);
      x = xn;
      // Steps below 1e-14 relative are rounding noise of the cancelling slope terms.
      if (dx <= 1e-14 * x || hi - lo <= 4e-16 * hi) {
        break;
      }
    }
    model.foc(t, b, x);
    double curv = model.focCurvature;
    dsdp[t] = curv < 0 ? -om[t] / curv : 0;
    return x;
  }

  private void aggregate(double[] s, double[] out) {
    Arrays.fill(out, 0.0);
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < m; q++) {
        out[q] += model.coefficient(t, q) * s[t];
      }
    }
  }

  /** Gaussian elimination with partial pivoting on the m×m system; false when singular. */
  static boolean solveLinear(double[] a, double[] b, int m) {
    for (int col = 0; col < m; col++) {
      int piv = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r * m + col]) > Math.abs(a[piv * m + col])) {
          piv = r;
        }
      }
      double p = a[piv * m + col];
      if (!(Math.abs(p) > 1e-300) || !Double.isFinite(p)) {
        return false;
      }
      if (piv != col) {
        for (int c = 0; c < m; c++) {
          double tmp = a[col * m + c];
          a[col * m + c] = a[piv * m + c];
          a[piv * m + c] = tmp;
        }
        double tmp = b[col];
        b[col] = b[piv];
        b[piv] = tmp;
      }
      for (int r = col + 1; r < m; r++) {
        double f = a[r * m + col] / p;
        if (f != 0) {
          for (int c = col; c < m; c++) {
            a[r * m + c] -= f * a[col * m + c];
          }
          b[r] -= f * b[col];
        }
      }
    }
    for (int r = m - 1; r >= 0; r--) {
      double v = b[r];
      for (int c = r + 1; c < m; c++) {
        v -= a[r * m + c] * b[c];
      }
      b[r] = v / a[r * m + r];
    }
    for (int r = 0; r < m; r++) {
      if (!Double.isFinite(b[r])) {
        return false;
      }
    }
    return true;
  }

  // ---- performance and cost of the current coalition, local indices --------------------------------

  private abstract static class Model {
    abstract void clear();

    abstract void push(int[] mem, int k);

    abstract void pop(int[] mem, int k);

    /** Called before each solve. */
    abstract void bind(int[] mem, int k);

    abstract double coefficient(int t, int q);

    abstract double commonGain(double[] z);

    abstract void commonGradient(double[] z, double[] out);

    abstract void commonHessian(double[] z, double[] out);

    abstract double privateGain(int t, double x);

    abstract double privateSlope(int t, double x);

    abstract double privateCurvature(int t, double x);

    abstract double cost(int t, double x);

    abstract double marginal(int t, double x);

    abstract double costCurvature(int t, double x);

    /** Curvature {@code β g_t''(x) − c_t''(x)} at the point of the last {@link #foc} call. */
    double focCurvature;

    /** The own-action slope {@code β g_t'(x) − c_t'(x)}; also sets {@link #focCurvature}. */
    double foc(int t, double b, double x) {
      focCurvature = b * privateCurvature(t, x) - costCurvature(t, x);
      return b * privateSlope(t, x) - marginal(t, x);
    }
  }

  /**
   * The default scaling law on a coalition: only {@code D} and {@code H} depend on who is in; the private
   * gains and quadratic costs are each member's own, so the full game's bound versions are reused.
   */
  private static final class ScalingLawCoalition extends Model {
    private final ScalingLawModel law;
    private final BoundPerformance full;
    private final CostModel.BoundCost cost;
    private final double[] a;
    private final int m;
    private final double[] d;
    private final double[] skew;
    private final double constant;
    private final double[] q;
    private final double[] kappa;
    private final double[] eta;
    private final double[] priv;
    private final double[] dStack;
    private final double[] hStack;
    private final int[] local;
    private double dTotal;
    private double hTotal;

    ScalingLawCoalition(RoundGame game, ScalingLawModel law, int n) {
      this.law = law;
      this.full = game.performance();
      this.cost = game.cost();
      this.a = game.coefficients();
      this.m = game.dimension();
      this.d = game.federation().realSamples();
      this.skew = game.federation().skew();
      this.constant = law.referenceLoss() - law.lossFloor();
      this.q = game.federation().quality();
      this.kappa = game.federation().unitCost();
      this.eta = game.federation().quadraticCost();
      this.priv = new double[n];
      for (int j = 0; j < n; j++) {
        priv[j] = law.mismatch() * skew[j] * d[j];
      }
      dStack = new double[n + 1];
      hStack = new double[n + 1];
      local = new int[n];
    }

    @Override void clear() {
      dTotal = 0;
      hTotal = 0;
    }

    @Override void push(int[] mem, int k) {
      int j = mem[k - 1];
      dStack[k - 1] = dTotal;
      hStack[k - 1] = hTotal;
      local[k - 1] = j;
      dTotal += d[j];
      hTotal += d[j] * skew[j];
    }

    @Override void pop(int[] mem, int k) {
      dTotal = dStack[k];
      hTotal = hStack[k];
    }

    @Override void bind(int[] mem, int k) {
      // push keeps local[] in step with mem[]
    }

    @Override double coefficient(int t, int q) {
      return a[local[t] * m + q];
    }

    @Override double commonGain(double[] z) {
      return constant - law.scale() * Math.pow(dTotal + z[0], -law.exponent()) - law.drift() * hTotal / (dTotal + z[1]);
    }

    @Override void commonGradient(double[] z, double[] out) {
      double ux = dTotal + z[0];
      double uy = dTotal + z[1];
      out[0] = law.scale() * law.exponent() * Math.pow(ux, -law.exponent() - 1);
      out[1] = law.drift() * hTotal / (uy * uy);
    }

    @Override void commonHessian(double[] z, double[] out) {
      double ux = dTotal + z[0];
      double uy = dTotal + z[1];
      out[0] = -law.scale() * law.exponent() * (law.exponent() + 1) * Math.pow(ux, -law.exponent() - 2);
      out[1] = 0;
      out[2] = 0;
      out[3] = -2 * law.drift() * hTotal / (uy * uy * uy);
    }

    @Override double foc(int t, double b, double x) {
      // g' = P q/u², g'' = −2 P q²/u³ with u = d + q x, P = E δ d; c' = κ + η x, c'' = η.
      int j = local[t];
      double qj = q[j];
      double u = d[j] + qj * x;
      double slope = priv[j] * qj / (u * u);
      focCurvature = -2 * b * slope * qj / u - eta[j];
      return b * slope - kappa[j] - eta[j] * x;
    }

    @Override double privateGain(int t, double x) { return full.privateGain(local[t], x); }
    @Override double privateSlope(int t, double x) { return full.privateSlope(local[t], x); }
    @Override double privateCurvature(int t, double x) { return full.privateCurvature(local[t], x); }
    @Override double cost(int t, double x) { return cost.cost(local[t], x); }
    @Override double marginal(int t, double x) { return cost.marginal(local[t], x); }
    @Override double costCurvature(int t, double x) { return cost.curvature(local[t], x); }
  }

  /** Any other model: bound to the restricted federation before each solve (O(k) allocation). */
  private static final class BoundCoalition extends Model {
    private final RoundGame game;
    private final Federation federation;
    private BoundPerformance perf;
    private CostModel.BoundCost cost;
    private int boundK = -1;
    private int m;
    private double[] a = new double[0];

    BoundCoalition(RoundGame game, int n) {
      this.game = game;
      this.federation = game.federation();
    }

    @Override void clear() {
      boundK = -1;
    }

    @Override void push(int[] mem, int k) {
      boundK = -1;
    }

    @Override void pop(int[] mem, int k) {
      boundK = -1;
    }

    @Override void bind(int[] mem, int k) {
      if (boundK == k) {
        return;
      }
      Federation sub = federation.restrictTo(Arrays.copyOf(mem, k));
      perf = game.performanceModel().bind(sub);
      cost = game.costModel().bind(sub);
      m = perf.dimension();
      if (a.length < k * m) {
        a = new double[Math.max(k * m, 2 * a.length)];
      }
      for (int t = 0; t < k; t++) {
        for (int q = 0; q < m; q++) {
          a[t * m + q] = perf.coefficient(t, q);
        }
      }
      boundK = k;
    }

    @Override double coefficient(int t, int q) { return a[t * m + q]; }
    @Override double commonGain(double[] z) { return perf.commonGain(z); }
    @Override void commonGradient(double[] z, double[] out) { perf.commonGradient(z, out); }
    @Override void commonHessian(double[] z, double[] out) { perf.commonHessian(z, out); }
    @Override double privateGain(int t, double x) { return perf.privateGain(t, x); }
    @Override double privateSlope(int t, double x) { return perf.privateSlope(t, x); }
    @Override double privateCurvature(int t, double x) { return perf.privateCurvature(t, x); }
    @Override double cost(int t, double x) { return cost.cost(t, x); }
    @Override double marginal(int t, double x) { return cost.marginal(t, x); }
    @Override double costCurvature(int t, double x) { return cost.curvature(t, x); }
  }
}
