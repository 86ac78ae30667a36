package io.cocogen.incentive;

/** How the welfare surplus {@code ΔSW = SW(s^SO) − SW(s^NE)} is shared (MODEL.md §8, step 3). */
public enum SharingRule {
  /** {@code λ_i ∝ contribution_i + degradation_i} (default). */
  CONTRIBUTION_AND_DEGRADATION,
  /** {@code λ_i = 1/n}. */
  EQUAL,
  /** {@code λ_i ∝ max(0, φ_i)}, Shapley value of the surplus game {@code v^SO − v^NE}. */
  SHAPLEY
}
