package io.cocogen.incentive;

/**
 * Whether an allocation {@code x} is in the core of a coalition game (MODEL.md §9):
 * {@code Σ_{i∈S} x_i ≥ v(S)} for every coalition and {@code Σ_i x_i = v(N)}.
 *
 * @param inCore efficient and no coalition's excess {@code e(S) = v(S) − x(S)} above the tolerance
 * @param efficient {@code |Σ x − v(N)|} within the tolerance
 * @param efficiencyGap {@code Σ_i x_i − v(N)}
 * @param maxExcess {@code max e(S)} over coalitions {@code S ≠ ∅, N} ({@code −∞} when there are none, n = 1)
 * @param mostViolated bitmask of a coalition attaining {@code maxExcess}, or −1 when n = 1
 * @param mostViolatedMembers its members
 * @param tolerance absolute tolerance used ({@code relative · (1 + max_S |v(S)|)})
 */
public record CoreCheck(boolean inCore, boolean efficient, double efficiencyGap, double maxExcess, int mostViolated,
    int[] mostViolatedMembers, double tolerance) {}
