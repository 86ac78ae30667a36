package io.cocogen.solver;

/** Outcome of a solve, in the ojAlgo spirit: never OPTIMAL without the certificate behind it. */
public enum SolveState {
  /** Certified: relative regret (or duality gap) below the requested tolerance. */
  OPTIMAL,
  /** A point with a reported, finite regret or gap above the tolerance. */
  APPROXIMATE,
  /** No usable point: the method broke down (non-finite values, no progress). */
  FAILED;

  public boolean isOptimal() { return this == OPTIMAL; }
}
