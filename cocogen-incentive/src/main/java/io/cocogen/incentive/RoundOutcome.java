package io.cocogen.incentive;

import io.cocogen.solver.SolveState;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of {@link ParticipationDynamics}, over all organizations of the federation (index order).
 *
 * @param round round number, from 0
 * @param scheme the mechanism played inside the federation
 * @param ids all organizations
 * @param participating who took part this round
 * @param eligible who could take part (not gone for good)
 * @param synthetic {@code s_i} played: inside under the mechanism, outside alone
 * @param payoffs {@code π_i} inside, {@code o_i} outside
 * @param transfers {@code τ_i} inside, 0 outside
 * @param outsideOptions {@code o_i = v({i})} of this round's game
 * @param federationWelfare {@code Σ_{i inside} π_i}
 * @param totalWelfare {@code federationWelfare + Σ_{i outside} o_i}
 * @param exits organizations that left during this round's participation decisions, in order
 * @param state the state of the final mechanism solve (OPTIMAL when certified; OPTIMAL for an empty federation)
 */
public record RoundOutcome(int round, IncentiveScheme scheme, String[] ids, boolean[] participating,
    boolean[] eligible, double[] synthetic, double[] payoffs, double[] transfers, double[] outsideOptions,
    double federationWelfare, double totalWelfare, List<String> exits, SolveState state) {

  /** Ids of the participants. */
  public List<String> participants() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (participating[i]) {
        out.add(ids[i]);
      }
    }
    return out;
  }

  public int participantCount() {
    int c = 0;
    for (boolean p : participating) {
      if (p) {
        c++;
      }
    }
    return c;
  }
}
