package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import io.cocogen.solver.SolveState;
import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Core questions on a coalition value function given as a bitmask table of all {@code 2^n} values
 * (MODEL.md §9; e.g. {@link CoalitionTable#values}): is an allocation in the core, which coalition is
 * the most violated, and the least-core {@code ε} with an allocation, by an ojAlgo LP.
 *
 * <p>The least-core LP has {@code 2^n − 2} coalition constraints; it is solved by constraint generation:
 * start from the singletons and their complements (which bound {@code ε}), solve, add the most violated
 * coalitions found by enumerating all of them, and repeat until none is violated. The final LP's optimum
 * is then the full LP's optimum, since its solution is feasible for all constraints.
 */
public final class CoreAnalysis {
  /** Largest {@code n}: every question enumerates all {@code 2^n} coalitions. */
  public static final int MAX_PLAYERS = 20;

  /** Relative tolerance: absolute tolerance is {@code 1e-9 · (1 + max_S |v(S)|)}. */
  public static final double DEFAULT_TOLERANCE = 1e-9;

  private static final int MAX_ROUNDS = 500;

  private CoreAnalysis() {}

  /** {@link #check(int, double[], double[], double)} with the default tolerance. */
  public static CoreCheck check(int n, double[] v, double[] x) {
    return check(n, v, x, DEFAULT_TOLERANCE);
  }

  /**
   * Is {@code x} in the core of {@code v}?
   *
   * @param v {@code v[mask]} for every coalition, {@code v[0] = v(∅)}
   * @param x allocation, length n
   * @param tolerance relative tolerance (scaled by {@code 1 + max_S |v(S)|})
   */
  public static CoreCheck check(int n, double[] v, double[] x, double tolerance) {
    validate(n, v, 1);
    if (x == null || x.length != n) {
      throw new InvalidModelException("allocation", x == null ? 0 : x.length, "length must equal the number of players " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        throw new InvalidModelException("allocation[" + i + "]", x[i], "must be finite");
      }
    }
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new InvalidModelException("tolerance", tolerance, "must be a finite number >= 0");
    }
    double tol = tolerance * scale(v);
    int full = (1 << n) - 1;
    double[] xs = new double[1 << n];
    coalitionSums(n, x, xs);
    double gap = xs[full] - v[full];
    double maxExcess = Double.NEGATIVE_INFINITY;
    int worst = -1;
    for (int mask = 1; mask < full; mask++) {
      double e = v[mask] - xs[mask];
      if (e > maxExcess) {
        maxExcess = e;
        worst = mask;
      }
    }
    boolean efficient = Math.abs(gap) <= tol;
    boolean inCore = efficient && !(maxExcess > tol);
    return new CoreCheck(inCore, efficient, gap, maxExcess, worst, members(n, worst), tol);
  }

  /** {@link #leastCore(int, double[], double)} with the default tolerance. */
  public static LeastCore leastCore(int n, double[] v) {
    return leastCore(n, v, DEFAULT_TOLERANCE);
  }

  /**
   * The least core: {@code min ε} s.t. {@code x(S) ≥ v(S) − ε} for all {@code S ≠ ∅, N} and {@code x(N) = v(N)}
   * ({@code n ≥ 2}).
   */
  public static LeastCore leastCore(int n, double[] v, double tolerance) {
    validate(n, v, 2);
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new InvalidModelException("tolerance", tolerance, "must be a finite number >= 0");
    }
    double tol = tolerance * scale(v);
    int full = (1 << n) - 1;
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] x = new Variable[n];
    for (int i = 0; i < n; i++) {
      x[i] = model.addVariable("x" + i);
    }
    Variable eps = model.addVariable("epsilon").weight(1);
    Expression efficiency = model.addExpression("efficiency").level(v[full]);
    for (Variable xi : x) {
      efficiency.set(xi, 1);
    }
    boolean[] added = new boolean[1 << n];
    int constraints = 0;
    for (int i = 0; i < n; i++) {
      constraints += add(model, x, eps, v, 1 << i, added);
      constraints += add(model, x, eps, v, full & ~(1 << i), added);
    }
    double[] xv = new double[n];
    double[] xs = new double[1 << n];
    double e = Double.NaN;
    String lpState = "UNEXPLORED";
    int solves = 0;
    boolean lpOptimal = false;
    boolean separated = false;
    String why = "";
    int batch = Math.max(8, n);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optimisation.Result r = model.minimise();
      solves++;
      lpState = r.getState().toString();
      lpOptimal = r.getState().isOptimal();
      if (!lpOptimal) {
        why = "ojAlgo returned " + lpState + " on round " + solves;
        break;
      }
      for (int i = 0; i < n; i++) {
        xv[i] = r.doubleValue(i);
      }
      e = r.doubleValue(n);
      coalitionSums(n, xv, xs);
      // The most violated coalitions not yet in the LP, at most `batch` per round.
      int[] top = new int[batch];
      double[] topV = new double[batch];
      int count = 0;
      boolean violatedAdded = false;
      for (int mask = 1; mask < full; mask++) {
        double viol = v[mask] - xs[mask] - e;
        if (!(viol > tol)) {
          continue;
        }
        if (added[mask]) {
          violatedAdded = true;
          continue;
        }
        if (count < batch) {
          top[count] = mask;
          topV[count] = viol;
          count++;
          siftUp(top, topV, count - 1);
        } else if (viol > topV[0]) {
          top[0] = mask;
          topV[0] = viol;
          siftDown(top, topV, count);
        }
      }
      if (count == 0) {
        separated = !violatedAdded;
        if (violatedAdded) {
          why = "a constraint already in the LP is violated beyond the tolerance (LP accuracy)";
        }
        break;
      }
      for (int t = 0; t < count; t++) {
        constraints += add(model, x, eps, v, top[t], added);
      }
      if (round == MAX_ROUNDS - 1) {
        why = "constraint generation stopped after " + MAX_ROUNDS + " rounds";
      }
    }
    double maxExcess = Double.NEGATIVE_INFINITY;
    if (lpOptimal) {
      for (int mask = 1; mask < full; mask++) {
        maxExcess = Math.max(maxExcess, v[mask] - xs[mask]);
      }
    }
    double gap = lpOptimal ? Math.abs(xs[full] - v[full]) : Double.NaN;
    SolveState state;
    if (!lpOptimal) {
      state = SolveState.FAILED;
    } else if (separated && gap <= tol && maxExcess <= e + tol) {
      state = SolveState.OPTIMAL;
    } else {
      state = SolveState.APPROXIMATE;
      if (why.isEmpty()) {
        why = "efficiency gap " + gap + " or excess " + maxExcess + " above epsilon " + e;
      }
    }
    String message = state == SolveState.OPTIMAL
        ? "least-core LP optimal after " + solves + " constraint-generation rounds with " + constraints + " of "
            + (full - 1) + " coalition constraints; all coalitions checked"
        : why;
    double[] alloc = lpOptimal ? xv.clone() : null;
    return new LeastCore(e, alloc, lpOptimal && e <= tol, state, lpState, solves, constraints, maxExcess, tol, message);
  }

  private static int add(ExpressionsBasedModel model, Variable[] x, Variable eps, double[] v, int mask,
      boolean[] added) {
    if (added[mask]) {
      return 0;
    }
    added[mask] = true;
    Expression c = model.addExpression("S" + mask).lower(v[mask]);
    for (int i = 0; i < x.length; i++) {
      if ((mask >>> i & 1) != 0) {
        c.set(x[i], 1);
      }
    }
    c.set(eps, 1);
    return 1;
  }

  // Min-heap on topV keeps the `batch` largest violations.
  private static void siftUp(int[] idx, double[] val, int i) {
    while (i > 0) {
      int p = (i - 1) / 2;
      if (val[p] <= val[i]) {
        break;
      }
      swap(idx, val, p, i);
      i = p;
    }
  }

  private static void siftDown(int[] idx, double[] val, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int s = i;
      if (l < size && val[l] < val[s]) {
        s = l;
      }
      if (r < size && val[r] < val[s]) {
        s = r;
      }
      if (s == i) {
        return;
      }
      swap(idx, val, s, i);
      i = s;
    }
  }

  private static void swap(int[] idx, double[] val, int a, int b) {
    int ti = idx[a];
    idx[a] = idx[b];
    idx[b] = ti;
    double tv = val[a];
    val[a] = val[b];
    val[b] = tv;
  }

  /** {@code xs[mask] = Σ_{i∈mask} x_i}, in O(2^n). */
  static void coalitionSums(int n, double[] x, double[] xs) {
    xs[0] = 0;
    for (int mask = 1; mask < 1 << n; mask++) {
      int low = Integer.numberOfTrailingZeros(mask);
      xs[mask] = xs[mask & (mask - 1)] + x[low];
    }
  }

  static int[] members(int n, int mask) {
    if (mask < 0) {
      return new int[0];
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if ((mask >>> i & 1) != 0) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double scale(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, Math.abs(d));
    }
    return 1 + m;
  }

  private static void validate(int n, double[] v, int minPlayers) {
    if (n < minPlayers || n > MAX_PLAYERS) {
      throw new InvalidModelException("players", n, "must be in [" + minPlayers + ", " + MAX_PLAYERS + "]");
    }
    if (v == null || v.length != 1 << n) {
      throw new InvalidModelException("values", v == null ? 0 : v.length, "a table over " + n + " players needs 2^"
          + n + " = " + (1 << n) + " entries");
    }
    for (int mask = 0; mask < v.length; mask++) {
      if (!Double.isFinite(v[mask])) {
        throw new InvalidModelException("values[" + mask + "]", v[mask], "must be finite");
      }
    }
  }
}
