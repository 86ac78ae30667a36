package io.cocogen.solver;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.CostModel;
import io.cocogen.api.Federation;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import java.util.Arrays;

/**
 * Coalition games of one round game (MODEL.md §9) solved without building a {@link RoundGame} per
 * coalition: the coalition grows one member at a time ({@link #push}), its competition sums are updated in
 * O(k) from {@code γ_ij} of the full game (what {@code restrictTo} keeps), and each solve is the §4 fast path
 * ({@code AggregateNewton}, rebound to the coalition) warm-started from the caller's profile. With the
 * default scaling law and quadratic cost nothing is allocated per coalition; other models are bound to the
 * restricted federation.
 *
 * <p>A lean solve is accepted when the aggregate fixed point converges: every member then plays its
 * exact best response to {@code λ = ∇G(z)}, which are the KKT conditions of the concave potential (or of
 * concave welfare). Coalitions outside that setting (a member with {@code w_i ≤ 0}, welfare that is not
 * concave, a member with a (nearly) linear objective, a priced budget that does not bind, or no
 * convergence) are handed to the certified solver on {@code game.restrictTo(members)} and counted.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class CoalitionSolver {
  private final RoundGame game;
  private final SolverOptions options;
  private final int m;
  private final double theta;
  private final double budget;
  private final double[] rho;
  private final double[] capFull;
  private final CompetitionStructure gamma;
  private final Model model;

  private int k;
  private final int[] mem;
  private final double[] gam;
  private final double[] rsum;
  private final double[] csum;
  private final double[][] snap;

  // The coalition's separable game, local indices, as AggregateNewton reads it.
  private final double[] om;
  private final double[] be;
  private final double[] ta;
  private final double[] cap;
  private final double[] coef;
  private final AggregateNewton newton;
  // The default model's per-member data for the closed-form responses, gathered from lawFull at push;
  // null for other models.
  private final ScalingLawModel.Bound lawFull;
  private final double[] lawQ;
  private final double[] lawD;
  private final double[] lawP;
  private final double[] lawK;
  private final double[] lawH;
  private final double[][] lastLam;
  private final double[] zWelfare;
  private final double[] lastMu = new double[2];
  private final boolean[] lamValid = new boolean[2];

  private long leanSolves;
  private long fallbackSolves;
  private long approximateSolves;
  private double maxResidual;

  /**
   * @param snapshots keep per-depth copies of the competition sums so {@link #pop} restores them exactly
   *     (for depth-first enumeration; needs O(n²) memory, so only for small n)
   */
  public CoalitionSolver(RoundGame game, SolverOptions options, boolean snapshots) {
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
    ta = new double[n];
    cap = new double[n];
    coef = new double[n * m];
    newton = new AggregateNewton(n, m);
    boolean law = model instanceof ScalingLawCoalition;
    lawFull = law ? (ScalingLawModel.Bound) game.performance() : null;
    lawQ = law ? new double[n] : null;
    lawD = law ? new double[n] : null;
    lawP = law ? new double[n] : null;
    lawK = law ? new double[n] : null;
    lawH = law ? new double[n] : null;
    lastLam = new double[2][m];
    zWelfare = new double[m];
  }

  /** The full game. */
  public RoundGame game() {
    return game;
  }

  /** Members in the coalition. */
  public int size() {
    return k;
  }

  /** Index (in the full game) of the {@code t}-th member. */
  public int member(int t) {
    return mem[t];
  }

  /** Coalitions solved by the lean fast path. */
  public long leanSolves() {
    return leanSolves;
  }

  /** Coalitions handed to the certified solver. */
  public long fallbackSolves() {
    return fallbackSolves;
  }

  /** Fallback solves that were not certified OPTIMAL. */
  public long approximateSolves() {
    return approximateSolves;
  }

  /** Largest scaled fixed-point residual of an accepted lean solve. */
  public double maxResidual() {
    return maxResidual;
  }

  /** Empties the coalition. */
  public void clear() {
    k = 0;
    lamValid[0] = false;
    lamValid[1] = false;
    model.clear();
  }

  /** Adds organization {@code j} (index in the full game) as the next member. */
  public void push(int j) {
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
    if (lawQ != null) {
      lawQ[t] = lawFull.quality()[j];
      lawD[t] = lawFull.realSamples()[j];
      lawP[t] = lawFull.mismatchWeights()[j];
      lawK[t] = game.federation().unitCost()[j];
      lawH[t] = game.federation().quadraticCost()[j];
    }
    k = t + 1;
    model.push(mem, k);
  }

  /** Removes the last member (needs snapshots). */
  public void pop() {
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
  public double solve(boolean optimum, double[] s) {
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
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < m; q++) {
        coef[t * m + q] = model.coefficient(t, q);
      }
    }
    newton.bind(k, coef, cap, om, be, ta, model, model, budget);
    if (lawQ != null) {
      newton.useDefaultModel(lawQ, lawD, lawP, lawK, lawH);
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
    if (lean && (leanSolve(s, s) || leanSolve(s, null))) {
      System.arraycopy(newton.s, 0, s, 0, k);
      System.arraycopy(newton.lam, 0, lastLam[mode], 0, m);
      lastMu[mode] = newton.mu;
      lamValid[mode] = true;
      leanSolves++;
      maxResidual = Math.max(maxResidual, newton.residualNorm);
      return welfare(s, wTotal);
    }
    return fallback(optimum, s);
  }

  /**
   * One fast-path solve from {@code warm} (or cold); accepted without smoothing, and with a priced budget
   * only when it binds (complementary slackness).
   */
  private boolean leanSolve(double[] s, double[] warm) {
    boolean ok = newton.solve(warm, options.maxIterations()) && !newton.smoothed();
    if (ok && newton.mu > 0) {
      ok = newton.total >= budget * (1 - 1e-9);
    }
    return ok;
  }

  /** A new member's response to the shadow prices of the last solve of the same kind: a close start. */
  private double guess(int t, int mode) {
    double p = 0;
    double[] l = lastLam[mode];
    for (int q = 0; q < m; q++) {
      p += l[q] * coef[t * m + q];
    }
    newton.mu = lastMu[mode];
    double x = newton.respond(t, p, 0.5 * cap[t]);
    newton.mu = 0;
    return x;
  }

  /** Whether member t's own objective has no curvature at x. */
  private boolean flat(int t, double x) {
    return be[t] * model.privateCurvature(t, x) - model.curvature(t, x) == 0;
  }

  /** {@code SW^S(s) = W^S G(z) + Σ B_t g_t(s_t) − Σ c_t(s_t)} (MODEL.md §6 on the coalition). */
  private double welfare(double[] s, double wTotal) {
    double[] z = zWelfare;
    Arrays.fill(z, 0.0);
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < m; q++) {
        z[q] += coef[t * m + q] * s[t];
      }
    }
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

  // ---- performance and cost of the current coalition, local indices --------------------------------

  /** The coalition's performance and cost, indexed by member ({@code 0..k)}). */
  private abstract static class Model implements BoundPerformance, CostModel.BoundCost {
    abstract void clear();

    abstract void push(int[] mem, int k);

    abstract void pop(int[] mem, int k);

    /** Called before each solve. */
    abstract void bind(int[] mem, int k);
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

    @Override public int dimension() {
      return m;
    }

    @Override public double coefficient(int t, int q) {
      return a[local[t] * m + q];
    }

    @Override public double commonGain(double[] z) {
      return law.commonGain(dTotal, hTotal, z);
    }

    @Override public void commonGradient(double[] z, double[] out) {
      law.commonGradient(dTotal, hTotal, z, out);
    }

    @Override public void commonHessian(double[] z, double[] out) {
      law.commonHessian(dTotal, hTotal, z, out);
    }

    @Override public double privateGain(int t, double x) { return full.privateGain(local[t], x); }
    @Override public double privateSlope(int t, double x) { return full.privateSlope(local[t], x); }
    @Override public double privateCurvature(int t, double x) { return full.privateCurvature(local[t], x); }
    @Override public double cost(int t, double x) { return cost.cost(local[t], x); }
    @Override public double marginal(int t, double x) { return cost.marginal(local[t], x); }
    @Override public double curvature(int t, double x) { return cost.curvature(local[t], x); }
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

    @Override public int dimension() { return m; }
    @Override public double coefficient(int t, int q) { return a[t * m + q]; }
    @Override public double commonGain(double[] z) { return perf.commonGain(z); }
    @Override public void commonGradient(double[] z, double[] out) { perf.commonGradient(z, out); }
    @Override public void commonHessian(double[] z, double[] out) { perf.commonHessian(z, out); }
    @Override public double privateGain(int t, double x) { return perf.privateGain(t, x); }
    @Override public double privateSlope(int t, double x) { return perf.privateSlope(t, x); }
    @Override public double privateCurvature(int t, double x) { return perf.privateCurvature(t, x); }
    @Override public double cost(int t, double x) { return cost.cost(t, x); }
    @Override public double marginal(int t, double x) { return cost.marginal(t, x); }
    @Override public double curvature(int t, double x) { return cost.curvature(t, x); }
  }
}
