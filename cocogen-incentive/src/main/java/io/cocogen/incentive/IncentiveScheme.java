package io.cocogen.incentive;

/** Mechanisms compared round after round (MODEL.md §7–§8). */
public enum IncentiveScheme {
  /** Plain Nash equilibrium, no transfers (CoCoGen). */
  NONE,
  /**
   * Contribution-based transfers that ignore competition: {@code contribution_i(s) − mean_k contribution_k(s)}
   * at the played profile; the induced game is solved by the general path.
   */
  MARGINAL_CONTRIBUTION,
  /** The welfare-optimal plan implemented by the budget-balanced redistribution (CoCoGen+). */
  COCOGEN_PLUS
}
