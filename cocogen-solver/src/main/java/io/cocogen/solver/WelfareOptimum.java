package io.cocogen.solver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The welfare-optimal plan {@code s^SO = argmax SW} (MODEL.md §6).
 *
 * @param state OPTIMAL only with a proof: a duality gap below the tolerance (relative to
 *     {@code 1 + |SW|}) at a feasible plan
 * @param synthetic {@code s^SO}
 * @param utilities {@code U_i(s^SO)} without transfers
 * @param welfare {@code SW(s^SO)}
 * @param upperBound a Lagrangian-dual upper bound on the optimal welfare
 * @param gap {@code upperBound − welfare ≥ 0} (up to rounding)
 * @param concave whether SW is concave ({@code W > 0} and every {@code B_j ≥ 0})
 * @param certificate coordinate regrets of SW at the plan (relative to {@code 1 + |SW|})
 * @param budgetPrice shadow price of the shared budget per unit, in welfare units
 */
public record WelfareOptimum(SolveState state, String[] ids, double[] synthetic, double[] utilities, double welfare,
    double upperBound, double gap, boolean concave, Certificate certificate, int iterations, long evaluations,
    double budgetPrice, double[] shadowPrices, String message) {

  public Map<String, Double> syntheticById() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], synthetic[i]);
    }
    return m;
  }

  /** {@code SW(s^NE)/SW(s^SO)}. */
  public double efficiencyOf(Equilibrium nash) {
    return nash.welfare() / welfare;
  }

  /** Price of anarchy {@code SW(s^SO)/SW(s^NE)}, NaN unless {@code SW(s^NE) > 0}. */
  public double priceOfAnarchy(Equilibrium nash) {
    return nash.welfare() > 0 ? welfare / nash.welfare() : Double.NaN;
  }

  public double totalSynthetic() {
    double t = 0;
    for (double v : synthetic) {
      t += v;
    }
    return t;
  }
}
