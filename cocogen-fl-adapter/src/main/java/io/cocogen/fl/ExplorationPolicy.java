package io.cocogen.fl;

import io.cocogen.api.InvalidModelException;

/**
 * How the coordinator varies generation amounts so that the performance model can be calibrated
 * (MODEL.md §11). In an exploration round each participant's count is drawn uniformly from
 * {@code [max(0, (1 − amplitude) s_i), min(S_i, (1 + amplitude) s_i + floorFraction · d_i)]} and rounded
 * down, seeded by {@code (seed, round, organization)}: the plan is kept on average, and the floor term
 * varies the amounts even where the plan is 0.
 *
 * @param rounds rounds {@code 0 .. rounds − 1} always explore
 * @param untilIdentified also explore in later rounds while the calibration is not identified
 * @param amplitude relative spread around the plan, in {@code [0, 1]}
 * @param floorFraction extra range as a fraction of the organization's real samples, {@code ≥ 0}
 * @param seed seed of the draws
 */
public record ExplorationPolicy(int rounds, boolean untilIdentified, double amplitude, double floorFraction, long seed) {

  public ExplorationPolicy {
    if (rounds < 0) {
      throw new InvalidModelException("exploration.rounds", rounds, "must be >= 0");
    }
    if (!(amplitude >= 0 && amplitude <= 1)) {
      throw new InvalidModelException("exploration.amplitude", amplitude, "must be in [0, 1]");
    }
    if (!(floorFraction >= 0) || !Double.isFinite(floorFraction)) {
      throw new InvalidModelException("exploration.floorFraction", floorFraction, "must be finite and >= 0");
    }
  }

  /** Never explore: always follow the plan. */
  public static ExplorationPolicy none() {
    return new ExplorationPolicy(0, false, 0, 0, 0);
  }

  /** Explore in the first {@code rounds} rounds and afterwards while the model is not identified. */
  public static ExplorationPolicy randomised(int rounds, double amplitude, long seed) {
    return new ExplorationPolicy(rounds, true, amplitude, 0.5, seed);
  }

  /** Whether round {@code round} explores given whether the current calibration is identified. */
  public boolean explores(int round, boolean identified) {
    if (amplitude == 0 && floorFraction == 0) {
      return false;
    }
    return round < rounds || untilIdentified && !identified;
  }
}
