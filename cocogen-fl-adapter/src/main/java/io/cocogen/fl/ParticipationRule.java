package io.cocogen.fl;

/**
 * What a settlement compares with the outside option {@code o_i = v({i})} (MODEL.md §10) to decide whether
 * an organization stays for the next round. The outside option always comes from the performance model
 * (nobody can measure what an organization would have reached alone).
 */
public enum ParticipationRule {
  /** The payoff measured this round ({@code measured utility + transfer}), the default. */
  MEASURED_PAYOFF,
  /** The payoff the plan expected ({@code expected utility + expected transfer}): model against model. */
  EXPECTED_PAYOFF
}
