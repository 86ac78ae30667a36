package io.cocogen.incentive;

import java.util.List;

/**
 * The rounds of {@link ParticipationDynamics} under one mechanism.
 *
 * @param scheme the mechanism
 * @param rounds one outcome per round
 * @param ledger the participants' records, one per round
 */
public record Trajectory(IncentiveScheme scheme, List<RoundOutcome> rounds, Ledger ledger) {

  /** {@code Σ_t totalWelfare_t}: federation welfare plus the stand-alone value of those outside. */
  public double cumulativeWelfare() {
    double t = 0;
    for (RoundOutcome r : rounds) {
      t += r.totalWelfare();
    }
    return t;
  }

  /** {@code Σ_t federationWelfare_t}. */
  public double cumulativeFederationWelfare() {
    double t = 0;
    for (RoundOutcome r : rounds) {
      t += r.federationWelfare();
    }
    return t;
  }

  public RoundOutcome last() {
    return rounds.get(rounds.size() - 1);
  }
}
