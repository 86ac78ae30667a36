package io.cocogen.solver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generation profile played under some strategy (MODEL.md §7), evaluated under the true utilities.
 *
 * @param strategy VCFL, RaDG, WCO, NE, or SO
 * @param state how the profile was obtained (OPTIMAL for exact baselines such as VCFL)
 */
public record StrategyOutcome(String strategy, String[] ids, double[] synthetic, double[] utilities, double welfare,
    SolveState state) {

  public Map<String, Double> syntheticById() {
    return byId(synthetic);
  }

  public Map<String, Double> utilitiesById() {
    return byId(utilities);
  }

  private Map<String, Double> byId(double[] v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], v[i]);
    }
    return m;
  }

  public double totalSynthetic() {
    double t = 0;
    for (double v : synthetic) {
      t += v;
    }
    return t;
  }
}
