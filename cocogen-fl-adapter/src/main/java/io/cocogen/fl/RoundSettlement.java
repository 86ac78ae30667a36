package io.cocogen.fl;

import io.cocogen.fl.calibration.CalibrationFit;
import java.util.List;
import java.util.Map;

/**
 * The settlement of one round from observations.
 *
 * @param round round number
 * @param outcomes one per participant, in configuration order
 * @param measuredWelfare {@code Σ measuredUtility} over the participants (transfers cancel when balanced)
 * @param transferSum {@code Σ transfer}: 0 (to rounding) when everybody complied, otherwise
 *     {@code Σ σ_i (generated − instructed)}
 * @param nonCompliant ids that generated a different amount than instructed
 * @param leaving ids that leave for the next round (payoff below the outside option)
 * @param cumulativeTransfers every organization's transfers summed over all settled rounds so far
 * @param calibration the performance model's fit after adding this round's observations
 */
public record RoundSettlement(int round, List<OrganizationOutcome> outcomes, double measuredWelfare,
    double transferSum, List<String> nonCompliant, List<String> leaving, Map<String, Double> cumulativeTransfers,
    CalibrationFit calibration) {

  public RoundSettlement {
    outcomes = List.copyOf(outcomes);
    nonCompliant = List.copyOf(nonCompliant);
    leaving = List.copyOf(leaving);
    cumulativeTransfers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cumulativeTransfers));
  }

  /** The outcome of {@code id}. */
  public OrganizationOutcome outcome(String id) {
    for (OrganizationOutcome o : outcomes) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    throw new io.cocogen.api.InvalidModelException("id", id, "did not participate in round " + round);
  }
}
