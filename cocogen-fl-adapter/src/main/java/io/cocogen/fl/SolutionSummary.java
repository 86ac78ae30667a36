package io.cocogen.fl;

import io.cocogen.solver.SolveState;

/**
 * A solved profile of the round's game as reported with a plan.
 *
 * @param kind {@code "equilibrium"} or {@code "optimum"}
 * @param state OPTIMAL only when certified
 * @param welfare {@code SW} at the profile, under the current model
 * @param totalSynthetic {@code Σ s_i}
 * @param maxRelativeRegret the certificate's figure
 * @param message how it was obtained
 */
public record SolutionSummary(String kind, SolveState state, double welfare, double totalSynthetic,
    double maxRelativeRegret, String message) {}
