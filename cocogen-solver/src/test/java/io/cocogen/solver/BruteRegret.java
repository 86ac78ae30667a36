package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * Independent brute-force regret (MODEL.md §5) for the tests: for each organization a dense grid over its
 * feasible deviations followed by golden-section refinement around every local maximum of the grid, with
 * {@code U_i(x, s_−i)} evaluated by {@link RoundGame#utilities} on the whole modified profile. Shares no
 * code with {@link Certifier} or {@link PlayerProblem}. The value found is a lower bound on the true
 * best-response payoff, so the regret found is a lower bound on the true regret (up to rounding).
 */
final class BruteRegret {
  private static final int UNIFORM = 64;
  private static final int GEOMETRIC = 28;

  private final RoundGame game;
  private final int n;
  private final double[] profile;
  private final double[] out;
  private final RoundGame.Workspace ws;
  private final double[] grid = new double[UNIFORM + GEOMETRIC + 2];
  private final double[] values = new double[UNIFORM + GEOMETRIC + 2];

  BruteRegret(RoundGame game) {
    this.game = game;
    this.n = game.size();
    this.profile = new double[n];
    this.out = new double[n];
    this.ws = game.newWorkspace();
  }

  /** Regrets of one profile: per organization, absolute and relative to {@code 1 + |U_i(s)|}. */
  record Regrets(double[] absolute, double[] relative, double[] bestResponse, double[] base) {
    double maxAbsolute() {
      double m = 0;
      for (double v : absolute) {
        m = Math.max(m, v);
      }
      return m;
    }

    double maxRelative() {
      double m = 0;
      for (double v : relative) {
        m = Math.max(m, v);
      }
      return m;
    }
  }

  Regrets of(double[] s) {
    double[] base = new double[n];
    System.arraycopy(s, 0, profile, 0, n);
    game.utilities(profile, base, ws);
    if (game.hasBudget() && total(s) > game.budget() * (1 + 1e-12)) {
      throw new IllegalArgumentException("profile over the budget");
    }
    double total = total(s);
    double[] abs = new double[n];
    double[] rel = new double[n];
    double[] br = new double[n];
    double[] cap = game.capacity();
    for (int i = 0; i < n; i++) {
      double upper = cap[i];
      if (game.hasBudget()) {
        upper = Math.min(upper, Math.max(0.0, game.budget() - (total - s[i])));
      }
      double best = base[i];
      double arg = s[i];
      int points = 0;
      if (upper > 0) {
        for (int t = 0; t <= UNIFORM; t++) {
          grid[points++] = upper * t / UNIFORM;
        }
        for (int t = 0; t < GEOMETRIC; t++) {
          grid[points++] = upper * Math.pow(10, -14 + 13.0 * t / GEOMETRIC);
        }
        java.util.Arrays.sort(grid, 0, points);
      } else {
        grid[points++] = 0.0;
      }
      for (int t = 0; t < points; t++) {
        values[t] = utilityAt(i, grid[t], s);
        if (values[t] > best) {
          best = values[t];
          arg = grid[t];
        }
      }
      for (int t = 0; t < points; t++) {
        boolean peak = (t == 0 || values[t] >= values[t - 1]) && (t == points - 1 || values[t] >= values[t + 1]);
        if (peak && points > 1) {
          double lo = grid[Math.max(0, t - 1)];
          double hi = grid[Math.min(points - 1, t + 1)];
          double[] g = golden(i, lo, hi, s);
          if (g[1] > best) {
            best = g[1];
            arg = g[0];
          }
        }
      }
      abs[i] = Math.max(0.0, best - base[i]);
      rel[i] = abs[i] / (1 + Math.abs(base[i]));
      br[i] = arg;
    }
    return new Regrets(abs, rel, br, base);
  }

  private static double total(double[] s) {
    double t = 0;
    for (double v : s) {
      t += v;
    }
    return t;
  }

  /** {@code U_i(x, s_−i)}. */
  double utilityAt(int i, double x, double[] s) {
    System.arraycopy(s, 0, profile, 0, n);
    profile[i] = x;
    game.utilities(profile, out, ws);
    return out[i];
  }

  private double[] golden(int i, double lo, double hi, double[] s) {
    final double r = 0.6180339887498949;
    double x1 = hi - r * (hi - lo);
    double x2 = lo + r * (hi - lo);
    double f1 = utilityAt(i, x1, s);
    double f2 = utilityAt(i, x2, s);
    for (int k = 0; k < 90 && hi - lo > 1e-15 * Math.max(hi, 1e-300); k++) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + r * (hi - lo);
        f2 = utilityAt(i, x2, s);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - r * (hi - lo);
        f1 = utilityAt(i, x1, s);
      }
    }
    return f1 >= f2 ? new double[] {x1, f1} : new double[] {x2, f2};
  }
}
