package io.cocogen.incentive;

/** Which coalition value {@code v(S)} (MODEL.md §9) a Shapley value or core question is about. */
public enum ValueFunction {
  /** {@code v^NE(S)}: the coalition's welfare at its own Nash equilibrium. */
  NASH,
  /** {@code v^SO(S)}: the coalition's welfare at its own welfare optimum. */
  OPTIMUM,
  /** {@code v_Δ(S) = v^SO(S) − v^NE(S)}: the surplus game the SHAPLEY sharing rule uses. */
  SURPLUS;

  /** The value from both parts of a coalition's evaluation. */
  public double of(double nash, double optimum) {
    return switch (this) {
      case NASH -> nash;
      case OPTIMUM -> optimum;
      case SURPLUS -> optimum - nash;
    };
  }

  boolean needsNash() {
    return this != OPTIMUM;
  }

  boolean needsOptimum() {
    return this != NASH;
  }
}
