package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.CoalitionSolver;
import io.cocogen.solver.SolverOptions;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Coalition values of a round (MODEL.md §9): {@code v(S) = Σ_{i∈S} U_i^S(s^S)}, the welfare of the
 * coalition game {@code game.restrictTo(S)} (aggregates over the members only, competition only among
 * them) at its Nash equilibrium ({@code v^NE}) or welfare optimum ({@code v^SO}); {@code v(∅) = 0}. The
 * outside option of an organization is {@code o_i = v({i})}.
 *
 * <p><b>Externalities between coalitions are ignored</b>: a coalition's value does not depend on what
 * the organizations outside it do, and outsiders neither compete with nor learn from it. This is the
 * model's definition, not an approximation made here.
 *
 * <p>Each coalition is solved by the lean §4 fast path (see {@code CoalitionSolver}), warm-started from a
 * related coalition; coalitions the fast path does not cover go to the certified solver and are counted
 * in the results.
 */
public final class CoalitionValues {
  /** Largest {@code n} for which {@link #table} enumerates all {@code 2^n} coalitions. */
  public static final int MAX_TABLE_PLAYERS = 24;

  /** Low bits that define the independent enumeration tasks (up to {@code 2^6 = 64} tasks). */
  private static final int TASK_BITS = 6;

  private final RoundGame game;
  private final SolverOptions options;

  private CoalitionValues(RoundGame game, SolverOptions options) {
    this.game = game;
    this.options = options;
  }

  public static CoalitionValues of(RoundGame game) {
    return of(game, SolverOptions.DEFAULT);
  }

  public static CoalitionValues of(RoundGame game, SolverOptions options) {
    if (game == null) {
      throw new InvalidModelException("game", "is required");
    }
    if (options == null) {
      throw new InvalidModelException("options", "is required");
    }
    return new CoalitionValues(game, options);
  }

  public RoundGame game() {
    return game;
  }

  public SolverOptions options() {
    return options;
  }

  public int size() {
    return game.size();
  }

  /** Both values of the coalition {@code members} (indices, any order, no repeats). */
  public CoalitionValue evaluate(int[] members) {
    int[] sorted = validate(members);
    if (sorted.length == 0) {
      return new CoalitionValue(sorted, 0.0, 0.0);
    }
    CoalitionSolver solver = new CoalitionSolver(game, options, false);
    for (int j : sorted) {
      solver.push(j);
    }
    double[] s = new double[sorted.length];
    Arrays.fill(s, -1.0);
    double ne = solver.solve(false, s);
    Arrays.fill(s, -1.0);
    double so = solver.solve(true, s);
    return new CoalitionValue(sorted, ne, so);
  }

  /** {@code f} of the coalition {@code members}. */
  public double value(ValueFunction f, int[] members) {
    return evaluate(members).value(f);
  }

  /** {@code o_i = v({i})} for every organization (alone, equilibrium and optimum coincide). */
  public double[] outsideOptions() {
    int n = game.size();
    double[] o = new double[n];
    CoalitionSolver solver = new CoalitionSolver(game, options, false);
    double[] s = new double[1];
    for (int i = 0; i < n; i++) {
      solver.clear();
      solver.push(i);
      s[0] = -1;
      o[i] = solver.solve(false, s);
    }
    return o;
  }

  /**
   * Every coalition's value, for {@code n ≤ 24}: {@code 2^n} coalitions (one or two solves each, as
   * {@code f} needs), in parallel over disjoint sets of masks (the masks sharing their lowest bits), each
   * explored depth-first so that a coalition is warm-started from the solution of the coalition without
   * its highest member. The result does not depend on the number of threads.
   */
  public CoalitionTable table(ValueFunction f) {
    int n = game.size();
    if (n > MAX_TABLE_PLAYERS) {
      throw new InvalidModelException("players", n, "exact coalition tables enumerate 2^n coalitions and need n <= "
          + MAX_TABLE_PLAYERS + "; use Monte Carlo Shapley values for larger federations");
    }
    long start = System.nanoTime();
    boolean needNe = f.needsNash();
    boolean needSo = f.needsOptimum();
    int size = 1 << n;
    double[] ne = needNe ? new double[size] : null;
    double[] so = needSo ? new double[size] : null;
    int low = Math.min(n, TASK_BITS);
    long[][] stats = new long[1 << low][];
    double[] residuals = new double[1 << low];
    IntStream.range(0, 1 << low).parallel().forEach(p -> {
      Enumeration e = new Enumeration(n, ne, so);
      e.run(p, low);
      stats[p] = new long[] {e.solver.leanSolves(), e.solver.fallbackSolves(), e.solver.approximateSolves()};
      residuals[p] = e.solver.maxResidual();
    });
    long lean = 0;
    long fallback = 0;
    long approximate = 0;
    double maxResidual = 0;
    for (int p = 0; p < stats.length; p++) {
      lean += stats[p][0];
      fallback += stats[p][1];
      approximate += stats[p][2];
      maxResidual = Math.max(maxResidual, residuals[p]);
    }
    return new CoalitionTable(n, ne, so, lean, fallback, approximate, maxResidual, System.nanoTime() - start);
  }

  /** The coalition values of {@code f} along permutation prefixes, for Monte Carlo Shapley values. */
  public PermutationValues permutationValues(ValueFunction f) {
    return new PermutationValues() {
      @Override public int size() {
        return game.size();
      }

      @Override public Cursor cursor() {
        return new GameCursor(f);
      }
    };
  }

  private int[] validate(int[] members) {
    if (members == null) {
      throw new InvalidModelException("members", "is required");
    }
    int n = game.size();
    int[] sorted = members.clone();
    Arrays.sort(sorted);
    for (int t = 0; t < sorted.length; t++) {
      if (sorted[t] < 0 || sorted[t] >= n) {
        throw new InvalidModelException("members", sorted[t], "index out of range [0, " + n + ")");
      }
      if (t > 0 && sorted[t] == sorted[t - 1]) {
        throw new InvalidModelException("members", sorted[t], "appears twice");
      }
    }
    return sorted;
  }

  /** Depth-first enumeration of the masks {@code p | H} (H over the high bits) of one task. */
  private final class Enumeration {
    final CoalitionSolver solver;
    final int n;
    final double[] ne;
    final double[] so;
    final double[][] sNe;
    final double[][] sSo;
    final double[] lastNe;
    final double[] lastSo;

    Enumeration(int n, double[] ne, double[] so) {
      this.n = n;
      this.ne = ne;
      this.so = so;
      solver = new CoalitionSolver(game, options, true);
      sNe = new double[n + 1][n];
      sSo = new double[n + 1][n];
      lastNe = new double[n];
      lastSo = new double[n];
      Arrays.fill(lastNe, -1.0);
      Arrays.fill(lastSo, -1.0);
    }

    void run(int p, int low) {
      solver.clear();
      int k = 0;
      for (int j = 0; j < low; j++) {
        if ((p >>> j & 1) != 0) {
          solver.push(j);
          k++;
        }
      }
      Arrays.fill(sNe[k], -1.0);
      Arrays.fill(sSo[k], -1.0);
      if (p != 0) {
        solveInto(p, k);
      } else {
        if (ne != null) {
          ne[0] = 0;
        }
        if (so != null) {
          so[0] = 0;
        }
      }
      dfs(p, low, k);
    }

    private void dfs(int mask, int next, int k) {
      for (int j = next; j < n; j++) {
        solver.push(j);
        System.arraycopy(sNe[k], 0, sNe[k + 1], 0, k);
        System.arraycopy(sSo[k], 0, sSo[k + 1], 0, k);
        sNe[k + 1][k] = lastNe[j];
        sSo[k + 1][k] = lastSo[j];
        int child = mask | (1 << j);
        solveInto(child, k + 1);
        dfs(child, j + 1, k + 1);
        solver.pop();
      }
    }

    private void solveInto(int mask, int k) {
      if (ne != null) {
        ne[mask] = solver.solve(false, sNe[k]);
        lastNe[solver.member(k - 1)] = sNe[k][k - 1];
      }
      if (so != null) {
        so[mask] = solver.solve(true, sSo[k]);
        lastSo[solver.member(k - 1)] = sSo[k][k - 1];
      }
    }
  }

  /** Prefix chain over the lean solver: each prefix warm-started from the previous one's solution. */
  private final class GameCursor implements PermutationValues.Cursor {
    private final ValueFunction f;
    private final CoalitionSolver solver;
    private final double[] sNe;
    private final double[] sSo;
    private final boolean[] in;

    GameCursor(ValueFunction f) {
      this.f = f;
      int n = game.size();
      solver = new CoalitionSolver(game, options, false);
      sNe = new double[n];
      sSo = new double[n];
      in = new boolean[n];
    }

    @Override public double reset() {
      for (int t = 0; t < solver.size(); t++) {
        in[solver.member(t)] = false;
      }
      solver.clear();
      return 0.0;
    }

    @Override public double add(int player) {
      if (player < 0 || player >= in.length || in[player]) {
        throw new InvalidModelException("player", player, "must be an organization not yet in the prefix");
      }
      in[player] = true;
      int t = solver.size();
      solver.push(player);
      double ne = 0;
      double so = 0;
      if (f.needsNash()) {
        sNe[t] = -1;
        ne = solver.solve(false, sNe);
      }
      if (f.needsOptimum()) {
        sSo[t] = -1;
        so = solver.solve(true, sSo);
      }
      return f.of(ne, so);
    }

    @Override public long evaluations() {
      return solver.leanSolves() + solver.fallbackSolves();
    }
  }
}
