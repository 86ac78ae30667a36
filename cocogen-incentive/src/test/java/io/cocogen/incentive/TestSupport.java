package io.cocogen.incentive;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Independent reference computations for the tests: brute-force best responses through
 * {@link RoundGame#utilities} only, permutation enumeration, random game specs.
 */
final class TestSupport {
  private TestSupport() {}

  static final SyntheticFederations.Kind[] KINDS = SyntheticFederations.Kind.values();

  /**
   * A random potential game (every {@code w_i > 0}): kind, θ and budget cycle with {@code trial} so every
   * combination is covered; size and exposure are drawn.
   */
  static RoundGame randomGame(RandomGenerator r, int trial, int minN, int maxN) {
    SyntheticFederations.Kind kind = KINDS[trial % KINDS.length];
    double theta = (trial / KINDS.length) % 2 == 0 ? 0.0 : 1.0;
    boolean budget = (trial / (2 * KINDS.length)) % 2 == 1;
    int n = minN + r.nextInt(maxN - minN + 1);
    double gammaBar = 0.6 * r.nextDouble();
    SyntheticFederations.Spec spec = SyntheticFederations.Spec.of(n, kind, gammaBar, theta);
    if (budget) {
      spec = spec.withBudget(0.05 + 0.5 * r.nextDouble());
    }
    return SyntheticFederations.game(r, spec);
  }

  /** {@code u_i(x) = U_i(x, s_−i) + σ_i x}, through the game's own utility evaluation. */
  static double payoff(RoundGame game, double[] s, double sigma, int i, double x, double[] scratch,
      RoundGame.Workspace ws) {
    double[] p = s.clone();
    p[i] = x;
    game.utilities(p, scratch, ws);
    return scratch[i] + sigma * x;
  }

  /**
   * Player {@code i}'s regret at {@code s} in the game with per-unit transfer {@code σ_i}: a 401-point grid
   * over its feasible interval (dense near 0 and near {@code s_i}), then golden-section search around the
   * best grid points.
   */
  static double bruteRegret(RoundGame game, double[] s, double sigma, int i) {
    int n = game.size();
    double upper = game.capacity()[i];
    if (game.hasBudget()) {
      double others = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          others += s[j];
        }
      }
      upper = Math.min(upper, Math.max(0.0, game.budget() - others));
    }
    double[] scratch = new double[n];
    RoundGame.Workspace ws = game.newWorkspace();
    double base = payoff(game, s, sigma, i, Math.min(s[i], upper), scratch, ws);
    if (!(upper > 0)) {
      return Math.max(0.0, payoff(game, s, sigma, i, 0.0, scratch, ws) - base);
    }
    List<Double> xs = new ArrayList<>();
    for (int t = 0; t <= 300; t++) {
      xs.add(upper * t / 300.0);
    }
    for (int t = 1; t <= 50; t++) {
      xs.add(upper * Math.pow(10, -10 + 10.0 * t / 50));
      double near = s[i] + (s[i] + 1) * 1e-3 * (t - 25) / 25.0;
      if (near >= 0 && near <= upper) {
        xs.add(near);
      }
    }
    xs.add(Math.min(s[i], upper));
    xs.sort(Double::compare);
    double best = Double.NEGATIVE_INFINITY;
    double[] f = new double[xs.size()];
    for (int t = 0; t < xs.size(); t++) {
      f[t] = payoff(game, s, sigma, i, xs.get(t), scratch, ws);
      best = Math.max(best, f[t]);
    }
    for (int t = 0; t < xs.size(); t++) {
      boolean peak = (t == 0 || f[t] >= f[t - 1]) && (t == xs.size() - 1 || f[t] >= f[t + 1]);
      if (peak) {
        double lo = xs.get(Math.max(0, t - 1));
        double hi = xs.get(Math.min(xs.size() - 1, t + 1));
        best = Math.max(best, golden(game, s, sigma, i, lo, hi, scratch, ws));
      }
    }
    return Math.max(0.0, best - base);
  }

  private static double golden(RoundGame game, double[] s, double sigma, int i, double lo, double hi,
      double[] scratch, RoundGame.Workspace ws) {
    final double g = 0.6180339887498949;
    double x1 = hi - g * (hi - lo);
    double x2 = lo + g * (hi - lo);
    double f1 = payoff(game, s, sigma, i, x1, scratch, ws);
    double f2 = payoff(game, s, sigma, i, x2, scratch, ws);
    for (int k = 0; k < 100 && hi - lo > 1e-12 * Math.max(1.0, hi); k++) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + g * (hi - lo);
        f2 = payoff(game, s, sigma, i, x2, scratch, ws);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - g * (hi - lo);
        f1 = payoff(game, s, sigma, i, x1, scratch, ws);
      }
    }
    return Math.max(f1, f2);
  }

  /** Every permutation of {@code 0..n−1} (Heap's algorithm). */
  static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] c = new int[n];
    out.add(a.clone());
    int i = 0;
    while (i < n) {
      if (c[i] < i) {
        int j = i % 2 == 0 ? 0 : c[i];
        int t = a[j];
        a[j] = a[i];
        a[i] = t;
        out.add(a.clone());
        c[i]++;
        i = 0;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return out;
  }

  /** Shapley values as the average marginal contribution over all {@code n!} orders. */
  static double[] shapleyByPermutations(int n, java.util.function.IntToDoubleFunction v) {
    double[] phi = new double[n];
    List<int[]> perms = permutations(n);
    for (int[] p : perms) {
      int mask = 0;
      double prev = v.applyAsDouble(0);
      for (int i : p) {
        mask |= 1 << i;
        double cur = v.applyAsDouble(mask);
        phi[i] += cur - prev;
        prev = cur;
      }
    }
    for (int i = 0; i < n; i++) {
      phi[i] /= perms.size();
    }
    return phi;
  }

  static int[] members(int mask, int n) {
    int[] out = new int[Integer.bitCount(mask)];
    int c = 0;
    for (int i = 0; i < n; i++) {
      if ((mask >>> i & 1) != 0) {
        out[c++] = i;
      }
    }
    return out;
  }

  static double relErr(double a, double b) {
    return Math.abs(a - b) / (1 + Math.max(Math.abs(a), Math.abs(b)));
  }
}
