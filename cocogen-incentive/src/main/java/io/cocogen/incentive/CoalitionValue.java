package io.cocogen.incentive;

/**
 * The two values of one coalition {@code S} (MODEL.md §9).
 *
 * @param members indices of the members in the full game
 * @param nash {@code v^NE(S)}: welfare of the coalition game at its Nash equilibrium
 * @param optimum {@code v^SO(S)}: welfare of the coalition game at its welfare optimum
 */
public record CoalitionValue(int[] members, double nash, double optimum) {

  /** {@code v_Δ(S) = v^SO(S) − v^NE(S)}. */
  public double surplus() {
    return optimum - nash;
  }

  /** The value named by {@code f}. */
  public double value(ValueFunction f) {
    return f.of(nash, optimum);
  }
}
