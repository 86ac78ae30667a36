package io.cocogen.fl;

/** What happens to an organization whose payoff fell below its outside option (MODEL.md §10). */
public enum LeavePolicy {
  /** It sits out the next round only and is considered again afterwards. */
  FOR_ROUND,
  /** It leaves the federation for good. */
  FOR_GOOD
}
