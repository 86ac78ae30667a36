package io.cocogen.solver;

import io.cocogen.api.BoundPerformance;
import io.cocogen.api.CostModel;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import java.util.Arrays;

/**
 * The fast path of MODEL.md §4. With shadow prices {@code λ = ∇G(z)} every organization's action is a
 * one-dimensional concave problem; the equilibrium aggregate solves the m-dimensional fixed point
 * {@code z = Σ_i a_i s_i(∇G(z))}, found by damped Newton with the Jacobian {@code I − (Σ_i s_i' a_i a_iᵀ)∇²G}
 * accumulated in O(n m²). A shared budget adds the shadow cost {@code ω_i μ}, found by a bracketed
 * Illinois search on {@code Σ s_i(μ) = B}.
 *
 * <p>Organizations whose one-dimensional objective is linear, or nearly so, have (nearly) step
 * responses; for them a vanishing proximal curvature ({@code 1e-3} down to {@code 1e-12} of their slope
 * scale) makes the map continuous, and the certificate checks the true game afterwards. When such steps
 * make the budget's total jump, the two sides of the jump are blended to spend the budget exactly.
 *
 * <p>Works on caller-visible arrays. Allocates at construction, and the proximal arrays only when some
 * player is nearly linear. One state can be rebound ({@link #bind}) to many small games of the same
 * dimension: {@link CoalitionSolver} solves every coalition of a round game with one.
 */
final class AggregateNewton {
  private static final double[] HOMOTOPY = {1e-3, 1e-6, 1e-9, 1e-12};
  private static final int STALL = 50;

  // The problem: set by bind (a solver state can be rebound to other players of the same dimension).
  private BoundPerformance perf;
  private CostModel.BoundCost cost;
  // Closed-form responses for the default model (scaling law, quadratic cost): null otherwise.
  private double[] lawQ;
  private double[] lawD;
  private double[] lawP;
  private double[] unitCost;
  private double[] quadCost;
  private int n;
  private final int m;
  private double[] a;
  private double[] cap;
  private double[] om;
  private double[] be;
  private double[] ta;
  private double budget;
  // Every τ_i = 0 (the Nash game): the hot loop then does not read τ. Fewer parallel memory streams
  // keep the hardware prefetcher effective at large n.
  private boolean noTau;

  // Allocated only when some organization is (nearly) linear: null otherwise.
  private double[] prox;
  private double[] proxScale;
  private boolean anyLinear;

  final double[] s;
  /** {@code ds_i/dp} of the last {@link #respond} call (read right after it, so no per-player array). */
  double dsdp;
  final double[] z;
  final double[] lam;
  private final double[] hess;
  private final double[] resp;
  private final double[] mat;
  private final double[] jac;
  private final double[] step;
  private final double[] residual;
  private final double[] zTrial;
  private final double[] zMin;
  private final double[] zMax;
  private final double[] best;
  private double[] sLo;

  double mu;
  double total;
  /**
   * The convex dual of the fast path at the last evaluated {@code z}, with {@code λ = ∇G(z)}:
   * {@code d(λ) = Σ_i max_x [λ·a_i x + h_i(x)] − λ·z + G(z)}, where {@code h_i} is player i's own objective
   * divided by {@code ω_i} (MODEL.md §4: the potential's separable part). Its gradient in {@code z} is
   * {@code H(r − z)}; it is minimal at the fixed point.
   */
  double merit;
  /** Sum of the magnitudes of the merit's terms: the scale of its rounding error. */
  double meritMagnitude;
  /** Whether {@link #evaluate} computes the merit (only once the easy regime of a Newton solve fails). */
  private boolean withMerit;
  /** Scaled residual of the last evaluated aggregates. */
  double residualNorm;
  long evaluations;
  int iterations;
  boolean converged;

  AggregateNewton(RoundGame game, Stakes stakes) {
    this(game.size(), game.dimension());
    bind(game.size(), game.coefficients(), game.capacity(), stakes.omega(), stakes.beta(), stakes.tau(),
        game.performance(), game.cost(), game.budget());
    if (perf instanceof ScalingLawModel.Bound law && game.costModel() instanceof QuadraticCost) {
      useDefaultModel(law.quality(), law.realSamples(), law.mismatchWeights(), game.federation().unitCost(),
          game.federation().quadraticCost());
    }
  }

  /**
   * Turns on the default model's closed-form responses (scaling law, quadratic cost) for the bound players:
   * {@code q_i}, {@code d_i}, {@code E δ_i d_i}, {@code κ_i}, {@code η_i}, indexed like them. The bound
   * coefficients must be {@code a_i = (q_i, 1)}; the common gain stays the bound performance's.
   */
  void useDefaultModel(double[] q, double[] d, double[] mismatchWeight, double[] kappa, double[] eta) {
    lawQ = q;
    lawD = d;
    lawP = mismatchWeight;
    unitCost = kappa;
    quadCost = eta;
  }

  /** A solver state for up to {@code capacity} players and {@code m} aggregates; {@link #bind} it before use. */
  AggregateNewton(int capacity, int m) {
    this.m = m;
    s = new double[capacity];
    z = new double[m];
    lam = new double[m];
    hess = new double[m * m];
    resp = new double[m];
    mat = new double[m * m];
    jac = new double[m * m];
    step = new double[m];
    residual = new double[m];
    zTrial = new double[m];
    zMin = new double[m];
    zMax = new double[m];
    best = new double[m];
  }

  /**
   * Binds the separable game of {@code n} players (at most the capacity): coefficients {@code a} (n×m,
   * row-major), boxes, stakes {@code ω, β, τ}, the models indexed like the players, and the shared budget.
   * The arrays are read, not copied; counters start again from zero. The default model's closed-form
   * responses are off until {@link #useDefaultModel} turns them on.
   */
  void bind(int players, double[] coefficients, double[] capacity, double[] omega, double[] beta, double[] tau,
      BoundPerformance performance, CostModel.BoundCost costs, double sharedBudget) {
    if (players > s.length) {
      throw new IllegalArgumentException("players " + players + " exceed the capacity " + s.length);
    }
    n = players;
    a = coefficients;
    cap = capacity;
    om = omega;
    be = beta;
    ta = tau;
    perf = performance;
    cost = costs;
    budget = sharedBudget;
    lawQ = null;
    lawD = null;
    lawP = null;
    unitCost = null;
    quadCost = null;
    if (budget != Double.POSITIVE_INFINITY && sLo == null) {
      sLo = new double[s.length];
    }
    anyLinear = false;
    prox = null;
    proxScale = null;
    mu = 0;
    evaluations = 0;
    iterations = 0;
    converged = false;
  }

  /** Whether the last solve smoothed (nearly) linear players with the proximal homotopy. */
  boolean smoothed() {
    return anyLinear;
  }

  /** Solves from {@code warm} (a profile) or from scratch; returns whether the aggregate converged. */
  boolean solve(double[] warm, int maxIterations) {
    if (warm != null) {
      System.arraycopy(warm, 0, s, 0, n);
      aggregate(s, z);
    } else {
      // No guess: each response starts where its own search finds best (NaN is never a valid guess).
      Arrays.fill(s, 0, n, Double.NaN);
      Arrays.fill(z, 0.0);
    }
    mu = 0;
    initProxScales();
    boolean ok = solveAtMu(maxIterations);
    if (budget == Double.POSITIVE_INFINITY || total <= budget) {
      converged = ok;
      return ok;
    }
    converged = solveBudget(maxIterations);
    return converged;
  }

  /**
   * One pass over the organizations before the solve: the box of the aggregates, whether every τ_i is 0,
   * and the organizations whose own objective is linear, or so nearly linear that its curvature changes
   * the slope across the whole box by less than {@code 1e-6} of the slope's scale (at the starting
   * aggregates). Those get a proximal scale: their responses jump between the bounds, which the homotopy
   * smooths.
   */
  private void initProxScales() {
    perf.commonGradient(z, lam);
    Arrays.fill(zMin, 0.0);
    Arrays.fill(zMax, 0.0);
    boolean zeroTau = true;
    proxScale = null;
    for (int i = 0; i < n; i++) {
      double c = cap[i];
      double t = ta[i];
      zeroTau &= t == 0.0;
      double p = 0;
      for (int k = 0; k < m; k++) {
        double ak = a[i * m + k];
        p += lam[k] * ak;
        double v = ak * c;
        if (v < 0) {
          zMin[k] += v;
        } else {
          zMax[k] += v;
        }
      }
      if (!(c > 0)) {
        continue;
      }
      double curv;
      double slope0;
      if (lawQ != null) {
        // Default model: |β g''| is largest at 0, where it is 2βPq²/d³; g'(0) = Pq/d².
        double q = lawQ[i];
        double inv = 1 / lawD[i];
        slope0 = be[i] * lawP[i] * q * inv * inv;
        curv = 2 * slope0 * q * inv + quadCost[i];
      } else {
        curv = Math.max(Math.abs(be[i] * perf.privateCurvature(i, 0) - cost.curvature(i, 0)),
            Math.abs(be[i] * perf.privateCurvature(i, c) - cost.curvature(i, c)));
        slope0 = be[i] * perf.privateSlope(i, 0);
      }
      double scale = Math.abs(om[i] * p) + Math.abs(t) + Math.abs(slope0) + Math.abs(cost.marginal(i, 0));
      if (curv == 0 || curv * c <= 1e-6 * scale) {
        if (proxScale == null) {
          proxScale = new double[n];
        }
        proxScale[i] = (scale > 0 ? scale : 1.0) / c;
      }
    }
    noTau = zeroTau;
    anyLinear = proxScale != null;
    prox = anyLinear ? new double[n] : null;
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

  /**
   * Illinois false position on {@code Σ s_i(μ) = B}, keeping the feasible side. The secant uses the
   * Illinois-weighted end values; the stopping test uses the true total at the feasible end, so a
   * weighted value can never pass for convergence.
   */
  private boolean solveBudget(int maxIterations) {
    double lo = 0;
    double fLo = total - budget;
    keepLow();
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
    double fHi;
    boolean ok = true;
    int guard = 0;
    while (true) {
      mu = hi;
      ok = solveAtMu(maxIterations);
      fHi = total - budget;
      if (fHi <= 0 || ++guard > 200) {
        break;
      }
      lo = hi;
      fLo = fHi;
      keepLow();
      hi *= 4;
    }
    if (!(fHi <= 0)) {
      return false;
    }
    double tol = 1e-12 * Math.max(budget, 1e-300);
    double wLo = fLo;
    double wHi = fHi;
    int side = 0;
    for (int it = 0; it < 200; it++) {
      if (-fHi <= tol || hi - lo <= 1e-15 * hi) {
        break;
      }
      double mid = hi - wHi * (hi - lo) / (wHi - wLo);
      if (!(mid > lo && mid < hi)) {
        mid = 0.5 * (lo + hi);
      }
      mu = mid;
      ok = solveAtMu(maxIterations);
      double f = total - budget;
      if (f > 0) {
        lo = mid;
        fLo = f;
        wLo = f;
        keepLow();
        if (side == -1) {
          wHi *= 0.5;
        }
        side = -1;
      } else {
        hi = mid;
        fHi = f;
        wHi = f;
        if (side == 1) {
          wLo *= 0.5;
        }
        side = 1;
      }
    }
    if (mu != hi) {
      mu = hi;
      ok = solveAtMu(maxIterations);
      fHi = total - budget;
    }
    if (-fHi > tol && hi - lo <= 1e-12 * hi && fLo > 0) {
      // Σ s_i(μ) jumps across the bracket: some (near-)linear players switch from one bound to the other
      // there. Both end profiles maximise the concave Lagrangian at (practically) the same price, so
      // every convex combination does too; the one that spends the budget exactly satisfies
      // complementary slackness, hence solves the constrained problem.
      blendToBudget(fHi, fLo);
      return ok && Math.abs(total - budget) <= 1e-9 * Math.max(budget, 1e-300);
    }
    return ok && total <= budget * (1 + 1e-12);
  }

  private void keepLow() {
    System.arraycopy(s, 0, sLo, 0, n);
  }

  /** Replaces the feasible end profile by its combination with the infeasible one that sums to the budget. */
  private void blendToBudget(double fHi, double fLo) {
    double theta = -fHi / (fLo - fHi);
    double y = 0;
    for (int pass = 0; pass < 2; pass++) {
      y = 0;
      for (int i = 0; i < n; i++) {
        double v = s[i] + theta * (sLo[i] - s[i]);
        y += Math.min(cap[i], Math.max(0.0, v));
      }
      if (y <= budget) {
        break;
      }
      theta *= (1 - 4e-16 * n) * (-fHi) / (y - (budget + fHi));
    }
    if (!(y <= budget)) {
      return;
    }
    for (int i = 0; i < n; i++) {
      s[i] = Math.min(cap[i], Math.max(0.0, s[i] + theta * (sLo[i] - s[i])));
    }
    aggregate(s, z);
    perf.commonGradient(z, lam);
    total = y;
  }

  /**
   * Damped Newton on {@code F(z) = z − Σ a_i s_i(∇G(z))}. Full steps that halve the scaled residual are
   * taken as they come; after the first one that does not, a trial point is accepted when it passes an
   * Armijo test on the dual merit {@link #merit}: the Newton step is the Newton step of the convex dual in
   * {@code λ = ∇G(z)}, hence a descent direction for it, so the line search cannot stall far from the
   * solution where the residual norm is a poor guide (many players switching between their bounds). Near
   * the solution, where merit differences drop to rounding level, and along directions the merit does not
   * see (a singular {@code ∇²G}), a decrease of the scaled residual is accepted as long as the merit does
   * not rise above its rounding level; the two tests cannot alternate into a cycle.
   */
  private boolean newton(int maxIterations) {
    withMerit = false;
    double normF = evaluate(z);
    double bestNorm = normF;
    int lastProgress = 0;
    for (int it = 0; it < maxIterations; it++) {
      iterations++;
      if (normF <= 1e-13) {
        return true;
      }
      if (normF < 0.5 * bestNorm) {
        bestNorm = normF;
        lastProgress = it;
      } else if (it - lastProgress > STALL) {
        // Fifty steps without halving the residual: a near-discontinuous response the line search keeps
        // bouncing on. Give up here; the caller's certificate judges the point.
        return normF <= 1e-10;
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
        residual[r] = step[r];
      }
      if (!SmallLinear.solve(jac, step, m)) {
        for (int k = 0; k < m; k++) {
          step[k] = resp[k] - z[k];
        }
      }
      // A Newton step at rounding level means z is as exact as the arithmetic allows (very steep responses
      // keep the residual above 1e-13 through rounding alone): stop instead of cycling at that level.
      double stepSize = 0;
      for (int k = 0; k < m; k++) {
        stepSize = Math.max(stepSize, Math.abs(step[k]) / (1.0 + Math.abs(z[k])));
      }
      if (stepSize <= 1e-14) {
        return normF <= 1e-10;
      }
      // Directional derivative of the merit along the step: (r − z)ᵀ H step.
      double slope = 0;
      for (int k = 0; k < m; k++) {
        for (int l = 0; l < m; l++) {
          slope += residual[k] * hess[k * m + l] * step[l];
        }
      }
      System.arraycopy(z, 0, best, 0, m);
      if (!withMerit) {
        // Easy regime (the usual one): a full step that halves the residual is taken without the merit.
        for (int k = 0; k < m; k++) {
          zTrial[k] = Math.min(zMax[k], Math.max(zMin[k], best[k] + step[k]));
        }
        double trial = evaluate(zTrial);
        if (trial <= 0.5 * normF) {
          System.arraycopy(zTrial, 0, z, 0, m);
          normF = trial;
          continue;
        }
        // Hard regime for the rest of this solve: evaluate the base point again, now with the merit.
        withMerit = true;
        normF = evaluate(z);
      }
      double meritBase = merit;
      double meritScale = meritMagnitude;
      boolean descent = slope < 0 && Double.isFinite(slope) && Double.isFinite(meritBase);
      double t = 1.0;
      boolean accepted = false;
      for (int ls = 0; ls < 60; ls++) {
        for (int k = 0; k < m; k++) {
          zTrial[k] = Math.min(zMax[k], Math.max(zMin[k], best[k] + t * step[k]));
        }
        double trial = evaluate(zTrial);
        boolean armijo = descent && merit <= meritBase + 1e-4 * t * slope;
        boolean residualDown = trial < (1 - 1e-4 * t) * normF && !(merit > meritBase + 1e-12 * meritScale);
        if (armijo || residualDown) {
          System.arraycopy(zTrial, 0, z, 0, m);
          normF = trial;
          accepted = true;
          break;
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

  /**
   * Responses at {@code zz}; fills s, dsdp, resp, mat, lam, hess, total and (when asked for) {@link #merit};
   * returns the scaled residual.
   */
  private double evaluate(double[] zz) {
    perf.commonGradient(zz, lam);
    perf.commonHessian(zz, hess);
    Arrays.fill(resp, 0.0);
    Arrays.fill(mat, 0.0);
    double y = 0;
    boolean dualToo = withMerit;
    if (lawQ != null && !dualToo) {
      return evaluateLaw(zz);
    }
    double dual = dualToo ? perf.commonGain(zz) : 0.0;
    double magnitude = Math.abs(dual);
    for (int k = 0; dualToo && k < m; k++) {
      dual -= lam[k] * zz[k];
      magnitude += Math.abs(lam[k] * zz[k]);
    }
    for (int i = 0; i < n; i++) {
      int row = i * m;
      double p = 0;
      for (int k = 0; k < m; k++) {
        p += lam[k] * a[row + k];
      }
      double si = respond(i, p, s[i]);
      s[i] = si;
      y += si;
      if (dualToo) {
        double own = (((noTau ? 0.0 : ta[i]) - om[i] * mu) * si + be[i] * perf.privateGain(i, si)
            - cost.cost(i, si) - 0.5 * (anyLinear ? prox[i] : 0.0) * si * si) / om[i];
        dual += p * si + own;
        magnitude += Math.abs(p * si) + Math.abs(own);
      }
      double d = dsdp;
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
    merit = dualToo ? dual : Double.NaN;
    meritMagnitude = Double.isFinite(magnitude) ? magnitude : Double.POSITIVE_INFINITY;
    return residualAt(zz);
  }

  /** The scaled residual {@code max_k |z_k − r_k|/(1 + |z_k| + |r_k|)} of the last responses, recorded. */
  private double residualAt(double[] zz) {
    double norm = 0;
    for (int k = 0; k < m; k++) {
      double r = Math.abs(zz[k] - resp[k]) / (1.0 + Math.abs(zz[k]) + Math.abs(resp[k]));
      norm = Math.max(norm, r);
    }
    residualNorm = Double.isFinite(norm) ? norm : Double.POSITIVE_INFINITY;
    return residualNorm;
  }

  /**
   * {@link #evaluate} for the default model without the merit. Here {@code a_i = (q_i, 1)}, so the
   * coefficients are not read, the model is not called through its interface, and the sums stay in
   * registers.
   */
  private double evaluateLaw(double[] zz) {
    double l0 = lam[0];
    double l1 = lam[1];
    double r0 = 0;
    double r1 = 0;
    double m00 = 0;
    double m01 = 0;
    double m11 = 0;
    for (int i = 0; i < n; i++) {
      double q = lawQ[i];
      double si = respondLaw(i, l0 * q + l1, s[i]);
      double d = dsdp;
      s[i] = si;
      r0 += q * si;
      r1 += si;
      double dq = d * q;
      m00 += dq * q;
      m01 += dq;
      m11 += d;
    }
    evaluations += n;
    total = r1;
    resp[0] = r0;
    resp[1] = r1;
    mat[0] = m00;
    mat[1] = m01;
    mat[2] = m01;
    mat[3] = m11;
    merit = Double.NaN;
    meritMagnitude = 0;
    return residualAt(zz);
  }

  /**
   * {@code argmax_{x∈[0,S_i]} ω_i(p − μ)x + τ_i x + β_i g_i(x) − c_i(x) − ½ε_i x²}; stores {@code ds/dp}.
   */
  double respond(int i, double p, double guess) {
    return lawQ != null ? respondLaw(i, p, guess) : respondGeneral(i, p, guess);
  }

  /**
   * {@link #respond} for the default model: closed form with linear cost, {@link #respondLawQuadratic}
   * otherwise; the rare remaining cases (no mismatch term, a proximal term, a non-positive net unit cost with
   * quadratic cost) go to the general search. Small enough to be inlined into the pass.
   */
  private double respondLaw(int i, double p, double guess) {
    double c = cap[i];
    double bpq = be[i] * lawP[i] * lawQ[i];
    if (!(c > 0 && bpq > 0) || anyLinear && prox[i] != 0.0) {
      return respondGeneral(i, p, guess);
    }
    double r = unitCost[i] - (om[i] * (p - mu) + (noTau ? 0.0 : ta[i]));
    double eta = quadCost[i];
    if (eta > 0) {
      return r > 0 ? respondLawQuadratic(i, bpq, r, eta, c, guess) : respondGeneral(i, p, guess);
    }
    // Linear cost: lin + b·P·q/(d + q x)² − κ = 0 has the closed form d + q x = sqrt(b·P·q/(κ − lin)); one
    // square root instead of a Newton search.
    if (!(r > 0)) {
      dsdp = 0;
      return c;
    }
    // One division serves 1/r and 1/q.
    double q = lawQ[i];
    double inv = 1 / (r * q);
    double u = Math.sqrt(bpq * q * inv);
    double x = (u - lawD[i]) * (r * inv);
    if (!(x > 0)) {
      dsdp = 0;
      return 0;
    }
    if (x >= c) {
      dsdp = 0;
      return c;
    }
    // f'' = −2 b P q²/u³ = −2 r q/u.
    dsdp = 0.5 * om[i] * u * inv;
    return x;
  }

  /** The best response of any model, by a safeguarded Newton search on the derivative. */
  private double respondGeneral(int i, double p, double guess) {
    double c = cap[i];
    if (!(c > 0)) {
      dsdp = 0;
      return 0;
    }
    double lin = om[i] * (p - mu) + (noTau ? 0.0 : ta[i]);
    double b = be[i];
    double e = anyLinear ? prox[i] : 0.0;
    // Start from the previous response. The derivative is non-increasing (concave objective), so its sign
    // there says which bound can be the answer, and only that one is evaluated (same outcome as checking
    // 0, then S_i); a previous response at a bound usually decides alone.
    double x = guess >= 0 && guess <= c ? guess : 0.5 * c;
    double f = lin + b * perf.privateSlope(i, x) - cost.marginal(i, x) - e * x;
    double lo;
    double hi;
    if (f > 0) {
      double dS = x == c ? f : lin + b * perf.privateSlope(i, c) - cost.marginal(i, c) - e * c;
      if (dS >= 0) {
        dsdp = boundSlope(i, e, dS, c, c);
        return c;
      }
      lo = x;
      hi = c;
    } else if (f < 0) {
      double d0 = x == 0 ? f : lin + b * perf.privateSlope(i, 0) - cost.marginal(i, 0);
      if (!(d0 > 0)) {
        dsdp = boundSlope(i, e, d0, 0.0, c);
        return 0;
      }
      lo = 0;
      hi = x;
    } else {
      // Stationary or undefined at the start: the plain bracketing search decides.
      return respondBracketed(i, lin, b, e, c, guess);
    }
    // Safeguarded Newton inside (lo, hi). A Newton step of relative size at most 1e-9 leaves an error of
    // the order of its square (quadratic convergence), below rounding: it is taken and the loop ends,
    // which saves the evaluation that would only confirm it.
    double curv = Double.NaN;
    for (int k = 0; k < 200; k++) {
      double fp = b * perf.privateCurvature(i, x) - cost.curvature(i, x) - e;
      double xn = fp < 0 ? x - f / fp : Double.NaN;
      boolean newtonStep = xn > lo && xn < hi;
      if (!newtonStep) {
        xn = 0.5 * (lo + hi);
      }
      double dx = Math.abs(xn - x);
      x = xn;
      if (newtonStep && dx <= 1e-9 * x) {
        curv = fp;
        break;
      }
      if (dx <= 4e-16 * x || hi - lo <= 4e-16 * hi) {
        break;
      }
      f = lin + b * perf.privateSlope(i, x) - cost.marginal(i, x) - e * x;
      if (f > 0) {
        lo = x;
      } else if (f < 0) {
        hi = x;
      } else {
        break;
      }
    }
    if (Double.isNaN(curv)) {
      curv = b * perf.privateCurvature(i, x) - cost.curvature(i, x) - e;
    }
    dsdp = curv < 0 ? -om[i] / curv : 0;
    return x;
  }

  /**
   * The default model with quadratic cost: in {@code u = d + q x} the first-order condition is
   * {@code ψ(u) = u²(r + (η/q)(u − d)) − b·P·q = 0} with {@code r = κ − lin > 0}. On {@code u ≥ d} ψ is
   * increasing and convex, so Newton from any point reaches the right of the root in one step and then
   * descends monotonically: one division per step and no derivative calls.
   */
  private double respondLawQuadratic(int i, double bpq, double r, double eta, double c, double guess) {
    double q = lawQ[i];
    double d = lawD[i];
    if (!(d * d * r < bpq)) {
      // ψ(d) ≥ 0: the derivative at 0 is not positive.
      dsdp = 0;
      return 0;
    }
    double uMax = d + q * c;
    if (uMax * uMax * (r + eta * c) <= bpq) {
      dsdp = 0;
      return c;
    }
    double invQ = 1 / q;
    double ep = eta * invQ;
    double u = guess > 0 && guess < c ? d + q * guess : Math.min(Math.sqrt(bpq / r), uMax);
    for (int k = 0; k < 100; k++) {
      double t = r + ep * (u - d);
      double du = (u * u * t - bpq) / (u * (2 * t + u * ep));
      double un = Math.min(uMax, Math.max(d, u - du));
      double step = Math.abs(un - u);
      u = un;
      // Quadratic convergence: after a step of relative size 1e-9 the error is far below rounding.
      if (!(step > 1e-9 * u)) {
        break;
      }
    }
    double x = Math.min(c, Math.max(0.0, (u - d) * invQ));
    double u3 = u * u * u;
    // s'(p) = −ω/f''(x) with f'' = −η − 2·b·P·q²/u³.
    dsdp = om[i] * u3 / (eta * u3 + 2 * bpq * q);
    return x;
  }

  /** The plain search: both bounds first, then a safeguarded Newton on (0, S_i) from the guess. */
  private double respondBracketed(int i, double lin, double b, double e, double c, double guess) {
    double d0 = lin + b * perf.privateSlope(i, 0) - cost.marginal(i, 0);
    if (!(d0 > 0)) {
      dsdp = boundSlope(i, e, d0, 0.0, c);
      return 0;
    }
    double dS = lin + b * perf.privateSlope(i, c) - cost.marginal(i, c) - e * c;
    if (dS >= 0) {
      dsdp = boundSlope(i, e, dS, c, c);
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
    dsdp = curv < 0 ? -om[i] / curv : 0;
    return x;
  }

  /**
   * {@code ds/dp} reported for a smoothed (nearly linear) organization at a bound: zero when it is far from
   * switching, otherwise the slope of its smoothed interior response, so the Newton model sees the player
   * about to enter the box instead of stepping across its switching point blindly. Any such positive
   * value keeps the Newton step a descent direction of the dual merit.
   *
   * @param slope the own objective's derivative at the bound
   */
  private double boundSlope(int i, double e, double slope, double x, double c) {
    if (!(e > 0)) {
      return 0;
    }
    double curv = e + Math.abs(be[i] * perf.privateCurvature(i, x) - cost.curvature(i, x));
    return Math.abs(slope) <= curv * c ? om[i] / curv : 0;
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
