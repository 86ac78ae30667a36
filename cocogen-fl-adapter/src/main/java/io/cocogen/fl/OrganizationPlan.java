package io.cocogen.fl;

/**
 * One organization's instruction for a round.
 *
 * @param id organization id
 * @param participates whether it takes part (false: it trains nothing with the federation this round)
 * @param reason why it does or does not take part, readable
 * @param syntheticCount {@code n_i}: synthetic samples to generate. Without exploration it is the solver's
 *     continuous plan rounded down ({@code n_i = ⌊s_i + 1e-9⌋}), so it never exceeds the capacity; the fee
 *     absorbs the rounding (see {@code fee})
 * @param continuousPlan {@code s_i}, the implemented plan of the mechanism (welfare optimum under
 *     CoCoGen+, equilibrium without incentives)
 * @param equilibriumSynthetic {@code s_i^NE}, what it would generate without transfers
 * @param classQuotas synthetic samples per class (sum {@code n_i}), by deficit filling against the target;
 *     empty when the organization reported no label histogram
 * @param subsidyRate {@code σ_i}, money per synthetic sample actually generated
 * @param fee {@code F_i}, lump sum: the mechanism's fee plus {@code σ_i (n_i − s_i)}, so that following
 *     the instruction yields exactly the mechanism's transfer and the budget balances at the instructed
 *     counts
 * @param expectedTransfer {@code σ_i n_i − F_i}
 * @param expectedUtility {@code U_i} at the instructed counts, predicted by the current performance model
 * @param expectedPayoff {@code expectedUtility + expectedTransfer}
 * @param outsideOption {@code o_i = v({i})} under the current model (NaN when not participating)
 * @param exploration whether {@code n_i} was randomised for calibration instead of following the plan
 */
public record OrganizationPlan(String id, boolean participates, String reason, int syntheticCount,
    double continuousPlan, double equilibriumSynthetic, int[] classQuotas, double subsidyRate, double fee,
    double expectedTransfer, double expectedUtility, double expectedPayoff, double outsideOption,
    boolean exploration) {

  public OrganizationPlan {
    classQuotas = classQuotas == null ? new int[0] : classQuotas.clone();
  }

  @Override
  public int[] classQuotas() {
    return classQuotas.clone();
  }

  static OrganizationPlan absent(String id, String reason) {
    return new OrganizationPlan(id, false, reason, 0, 0, 0, new int[0], 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
        false);
  }
}
