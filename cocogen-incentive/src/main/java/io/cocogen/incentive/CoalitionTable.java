package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;

/**
 * Coalition values of every {@code S ⊆ N}, indexed by bitmask ({@code S = {i : bit i of mask set}}),
 * {@code v(∅) = 0}. Memory is one {@code double} per coalition and value function.
 *
 * @param players {@code n}
 * @param nash {@code v^NE} by mask, or null when not computed
 * @param optimum {@code v^SO} by mask, or null when not computed
 * @param leanSolves coalition solves done by the lean fast path
 * @param fallbackSolves coalition solves handed to the certified solver (see {@link CoalitionValues})
 * @param approximateSolves fallback solves the solver could not certify (0 for a fully certified table)
 * @param maxResidual largest scaled fixed-point residual accepted by a lean solve
 * @param nanos wall-clock time of the enumeration
 */
public record CoalitionTable(int players, double[] nash, double[] optimum, long leanSolves, long fallbackSolves,
    long approximateSolves, double maxResidual, long nanos) {

  /** The table of {@code f} (a new array for SURPLUS, the stored one otherwise: do not modify). */
  public double[] values(ValueFunction f) {
    switch (f) {
      case NASH:
        return require(nash, f);
      case OPTIMUM:
        return require(optimum, f);
      default:
        double[] ne = require(nash, f);
        double[] so = require(optimum, f);
        double[] out = new double[ne.length];
        for (int mask = 0; mask < out.length; mask++) {
          out[mask] = so[mask] - ne[mask];
        }
        return out;
    }
  }

  private static double[] require(double[] v, ValueFunction f) {
    if (v == null) {
      throw new InvalidModelException("valueFunction", f, "was not computed for this table");
    }
    return v;
  }

  /** True when every coalition solve was certified (lean KKT convergence or an OPTIMAL fallback). */
  public boolean certified() {
    return approximateSolves == 0;
  }
}
