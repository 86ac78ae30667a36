package io.cocogen.incentive;

import io.cocogen.solver.Certificate;
import io.cocogen.solver.SolveState;

/**
 * What a round looks like under one incentive scheme: the profile played, utilities before transfers,
 * transfers, final payoffs and welfare (transfers cancel in welfare when the budget balances).
 *
 * @param certificate the certificate of the played profile in the game with that scheme's transfers
 */
public record MechanismOutcome(IncentiveScheme scheme, String[] ids, double[] synthetic, double[] utilities,
    double[] transfers, double[] payoffs, double welfare, SolveState state, Certificate certificate,
    Redistribution redistribution) {

  public double totalSynthetic() {
    double t = 0;
    for (double v : synthetic) {
      t += v;
    }
    return t;
  }

  /** {@code |Σ τ_i|}. */
  public double budgetImbalance() {
    double t = 0;
    for (double v : transfers) {
      t += v;
    }
    return Math.abs(t);
  }
}
