package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/**
 * Benchmark access to the fast path alone (MODEL.md §4): the aggregate Newton solve without the §5
 * certificate and without assembling the result record. Lives in the solver's package (in the benchmarks
 * module only) because {@code AggregateNewton} is package-private; nothing outside the benchmarks uses it.
 */
public final class FastPathProbe {
  private final RoundGame game;
  private final Stakes stakes;
  private final int maxIterations;
  private int lastIterations;

  /** A probe of the Nash game of {@code game}. */
  public FastPathProbe(RoundGame game) {
    this(game, Stakes.nash(game));
  }

  /** A probe of the separable game {@code stakes} of {@code game}. */
  public FastPathProbe(RoundGame game, Stakes stakes) {
    this.game = game;
    this.stakes = stakes;
    this.maxIterations = SolverOptions.DEFAULT.maxIterations();
  }

  /**
   * One cold solve, as {@code CocogenSolver.equilibrium} does it before certifying: builds the solver
   * state (O(n) arrays) and runs the damped Newton from scratch.
   *
   * @return the profile (owned by the solver state of this call)
   */
  public double[] solve() {
    AggregateNewton newton = new AggregateNewton(game, stakes);
    if (!newton.solve(null, maxIterations)) {
      throw new IllegalStateException("fast path did not converge on " + game);
    }
    lastIterations = newton.iterations;
    return newton.s;
  }

  /** Newton iterations of the last {@link #solve()}. */
  public int lastIterations() {
    return lastIterations;
  }

  /** The welfare team game's stakes of {@code game}. */
  public static Stakes welfareStakes(RoundGame game) {
    return Stakes.welfare(game);
  }
}
