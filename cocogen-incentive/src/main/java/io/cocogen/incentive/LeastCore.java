package io.cocogen.incentive;

import io.cocogen.solver.SolveState;

/**
 * The least core of a coalition game: the smallest {@code ε} such that some efficient allocation gives
 * every coalition {@code S ≠ ∅, N} at least {@code v(S) − ε}, and such an allocation. The core is non-empty
 * exactly when {@code ε ≤ 0}.
 *
 * @param epsilon the LP optimum {@code ε*}
 * @param allocation a least-core allocation {@code x} ({@code Σ x = v(N)})
 * @param coreNonEmpty {@code ε* ≤ tolerance} (meaningful when {@code state} is OPTIMAL)
 * @param state OPTIMAL only when ojAlgo reports an optimal LP and the allocation, checked against all
 *     {@code 2^n − 2} coalitions, violates none by more than the tolerance; APPROXIMATE or FAILED otherwise
 * @param lpState ojAlgo's state of the last LP solved
 * @param lpSolves LP solves (constraint generation rounds)
 * @param constraints coalition constraints in the final LP (out of {@code 2^n − 2})
 * @param maxExcess {@code max_S (v(S) − x(S))} of the returned allocation over all {@code S ≠ ∅, N}
 * @param tolerance absolute tolerance used
 * @param message how the result was obtained
 */
public record LeastCore(double epsilon, double[] allocation, boolean coreNonEmpty, SolveState state, String lpState,
    int lpSolves, int constraints, double maxExcess, double tolerance, String message) {}
