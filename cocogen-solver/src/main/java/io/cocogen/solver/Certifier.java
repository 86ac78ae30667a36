package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * The certificate of MODEL.md §5: every organization's exact global best response to the others, its
 * regret {@code r_i = u_i(s_i^BR, s_−i) − u_i(s) ≥ 0}, the maximum and the maximum relative to
 * {@code 1 + |u_i(s)|}. With a shared budget, deviations are the feasible ones:
 * {@code [0, min(S_i, B − Σ_{j≠i} s_j)]}, and a profile over the budget (beyond {@code 1e-12} relative) is
 * infeasible: its certificate reports infinite regret. Cost O(n) after one O(nnz) utility evaluation.
 */
public final class Certifier {
  private Certifier() {}

  /** {@code U_i + τ_i s_i}: {@code utilities} itself when every {@code τ_i = 0}, otherwise a new array. */
  static double[] withTransfers(double[] utilities, double[] tau, double[] s) {
    for (int i = 0; i < tau.length; i++) {
      if (tau[i] != 0.0) {
        double[] out = utilities.clone();
        for (int j = i; j < tau.length; j++) {
          out[j] += tau[j] * s[j];
        }
        return out;
      }
    }
    return utilities;
  }

  /** Certificate of {@code s} in the plain Nash game. */
  public static Certificate nash(RoundGame game, double[] s) {
    return certify(game, Stakes.nash(game), null, s, null);
  }

  /**
   * Certificate of {@code s} in the game with objectives {@code stakes} and an optional adjustment.
   *
   * @param payoffs {@code u_i(s)} for the relative regret, or null to use {@code U_i(s) + τ_i s_i}
   */
  public static Certificate certify(RoundGame game, Stakes stakes, PayoffAdjustment adjustment, double[] s,
      double[] payoffs) {
    return certify(game, stakes, adjustment, s, payoffs, true);
  }

  /**
   * As {@link #certify(RoundGame, Stakes, PayoffAdjustment, double[], double[])}; with {@code budgetCaps}
   * false deviations range over the whole box (for Lagrangian certificates where the budget is priced
   * into {@code τ}).
   */
  static Certificate certify(RoundGame game, Stakes stakes, PayoffAdjustment adjustment, double[] s,
      double[] payoffs, boolean budgetCaps) {
    game.validateProfile(s);
    int n = game.size();
    double[] base = payoffs;
    double[] z = new double[game.dimension()];
    if (base == null) {
      double[] u = new double[n];
      RoundGame.Workspace ws = game.newWorkspace();
      game.utilities(s, u, ws);
      System.arraycopy(ws.aggregates(), 0, z, 0, z.length);
      base = withTransfers(u, stakes.tau(), s);
    } else {
      game.aggregates(s, z);
    }
    double g0 = game.performance().commonGain(z);
    double[] cap = game.capacity();
    double budget = budgetCaps ? game.budget() : Double.POSITIVE_INFINITY;
    double total = 0;
    if (budget != Double.POSITIVE_INFINITY) {
      for (double v : s) {
        total += v;
      }
    }
    PlayerProblem p = new PlayerProblem(game, stakes, adjustment);
    double[] regrets = new double[n];
    double[] br = new double[n];
    double maxAbs = 0;
    double maxRel = 0;
    int worst = n > 0 ? 0 : -1;
    boolean allConcave = true;
    for (int i = 0; i < n; i++) {
      double upper = cap[i];
      if (budget != Double.POSITIVE_INFINITY) {
        upper = Math.min(upper, Math.max(0.0, budget - (total - s[i])));
      }
      allConcave &= p.concave(i);
      p.maximise(i, upper, s, z, g0);
      double r = Math.max(0.0, p.gain);
      regrets[i] = r;
      br[i] = p.argmax;
      double rel = r / (1.0 + Math.abs(base[i]));
      if (r > maxAbs) {
        maxAbs = r;
      }
      if (rel > maxRel || Double.isNaN(rel)) {
        maxRel = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
        worst = i;
      }
    }
    if (budget != Double.POSITIVE_INFINITY && total > budget * (1 + 1e-12)) {
      // Over the shared budget the profile is not feasible, so it is no equilibrium whatever the deviations
      // give: never certifiable.
      return new Certificate(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, worst, regrets, br, allConcave);
    }
    return new Certificate(maxAbs, maxRel, worst, regrets, br, allConcave);
  }
}
