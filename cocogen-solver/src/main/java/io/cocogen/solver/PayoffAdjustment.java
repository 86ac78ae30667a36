package io.cocogen.solver;

/**
 * A payoff term added to an organization's utility that is not a per-unit subsidy, e.g. a transfer that
 * depends on everybody's action (incentive baselines). It may break the potential structure, so games
 * with an adjustment are solved by the general path and certified by bracketing.
 */
@FunctionalInterface
public interface PayoffAdjustment {

  /**
   * Extra payoff of organization {@code i} if it plays {@code x} while the others keep {@code s}.
   *
   * @param s the current profile (entry {@code i} is the current action, not {@code x})
   * @param z aggregates of {@code s}
   */
  double value(int i, double x, double[] s, double[] z);
}
