package io.cocogen.solver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A solved generation profile (an equilibrium, or the welfare optimum seen as the equilibrium of the
 * team game) with its certificate and diagnostics.
 *
 * @param state OPTIMAL only when {@code certificate} proves it
 * @param method which path produced it ({@code fast-path}, {@code best-response}, ...)
 * @param ids organization ids, in index order
 * @param synthetic {@code s_i}
 * @param utilities {@code U_i(s)} (without transfers)
 * @param welfare {@code SW(s)}
 * @param potential {@code Φ(s)}, NaN when the game has no positive-weight potential
 * @param certificate regrets of {@code s}
 * @param iterations outer iterations
 * @param evaluations one-dimensional response evaluations
 * @param shadowPrices {@code λ = ∇G(z)} at the solution
 * @param budgetPrice shadow price {@code μ} of the shared budget (0 when slack or absent)
 * @param competitionDominated ids with {@code w_i ≤ 0}
 * @param message a human-readable note on how the result was obtained
 */
public record Equilibrium(SolveState state, String method, String[] ids, double[] synthetic, double[] utilities,
    double welfare, double potential, Certificate certificate, int iterations, long evaluations,
    double[] shadowPrices, double budgetPrice, List<String> competitionDominated, String message) {

  /** {@code s_i} keyed by organization id, in index order. */
  public Map<String, Double> syntheticById() {
    return byId(synthetic);
  }

  /** {@code U_i} keyed by organization id, in index order. */
  public Map<String, Double> utilitiesById() {
    return byId(utilities);
  }

  /** Total synthetic samples. */
  public double totalSynthetic() {
    double t = 0;
    for (double v : synthetic) {
      t += v;
    }
    return t;
  }

  Map<String, Double> byId(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], values[i]);
    }
    return m;
  }

  @Override
  public String toString() {
    return "Equilibrium[state=" + state + ", method=" + method + ", n=" + ids.length + ", welfare=" + welfare
        + ", maxRelativeRegret=" + certificate.maxRelativeRegret() + ", iterations=" + iterations + "]";
  }
}
