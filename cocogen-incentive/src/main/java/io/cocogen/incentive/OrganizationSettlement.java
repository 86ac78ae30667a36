package io.cocogen.incentive;

/**
 * One organization's readable decomposition of the redistribution.
 *
 * @param id organization id
 * @param plan {@code s_i^SO}
 * @param nash {@code s_i^NE}
 * @param subsidyRate {@code σ_i}, money per synthetic sample
 * @param contributionReward {@code (W − w_i)(λ^SO·a_i) s_i^SO}: value its data creates for the others
 * @param competitionTax {@code (B_i − b_i) g_i'(s_i^SO) s_i^SO ≤ 0}: harm its private gain does to rivals
 * @param fee {@code F_i}, lump sum, fixed before actions
 * @param netTransfer {@code τ_i = σ_i s_i^SO − F_i}
 * @param utilityAtPlan {@code U_i(s^SO)}
 * @param utilityAtNash {@code U_i(s^NE)}
 * @param payoff {@code π_i = U_i(s^NE) + λ_i ΔSW}
 * @param share {@code λ_i}
 * @param contribution {@code contribution_i}
 * @param degradation {@code degradation_i}
 * @param outsideOption {@code o_i = v({i})}
 */
public record OrganizationSettlement(String id, double plan, double nash, double subsidyRate,
    double contributionReward, double competitionTax, double fee, double netTransfer, double utilityAtPlan,
    double utilityAtNash, double payoff, double share, double contribution, double degradation,
    double outsideOption) {

  /** True when the payoff covers the outside option. */
  public boolean participates() {
    return payoff >= outsideOption;
  }
}
