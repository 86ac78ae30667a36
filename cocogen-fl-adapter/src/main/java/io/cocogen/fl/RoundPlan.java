package io.cocogen.fl;

import io.cocogen.fl.calibration.CalibrationFit;
import io.cocogen.incentive.IncentiveScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's instructions for one round, one {@link OrganizationPlan} per configured organization
 * (in configuration order), with the states of the solves and the calibration they rest on.
 *
 * @param round round number
 * @param scheme the incentive scheme in force
 * @param plans per organization
 * @param equilibrium the Nash equilibrium of the participants' game (null when nobody participates)
 * @param optimum the welfare optimum (null without CoCoGen+ or when nobody participates)
 * @param calibration the performance model's fit (RMSE, R², points) used for this plan
 * @param exploration whether generation amounts were randomised this round to identify the model
 * @param budgetImbalance {@code |Σ_i (σ_i n_i − F_i)|} at the instructed counts
 * @param message readable notes (solver states, why exploring)
 */
public record RoundPlan(int round, IncentiveScheme scheme, List<OrganizationPlan> plans, SolutionSummary equilibrium,
    SolutionSummary optimum, CalibrationFit calibration, boolean exploration, double budgetImbalance, String message) {

  public RoundPlan {
    plans = List.copyOf(plans);
  }

  /** The plan of organization {@code id}. */
  public OrganizationPlan plan(String id) {
    for (OrganizationPlan p : plans) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new io.cocogen.api.InvalidModelException("id", id, "unknown organization in round " + round);
  }

  /** Ids of the participants. */
  public List<String> participants() {
    List<String> out = new ArrayList<>();
    for (OrganizationPlan p : plans) {
      if (p.participates()) {
        out.add(p.id());
      }
    }
    return out;
  }

  /** Total instructed synthetic samples. */
  public long totalSynthetic() {
    long t = 0;
    for (OrganizationPlan p : plans) {
      t += p.syntheticCount();
    }
    return t;
  }
}
