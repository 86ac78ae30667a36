package io.cocogen.solver;

import io.cocogen.api.RoundGame;

/** Computes a (certified) Nash equilibrium of a round game. */
public interface EquilibriumSolver {

  Equilibrium solve(RoundGame game, SolverOptions options);

  default Equilibrium solve(RoundGame game) {
    return solve(game, SolverOptions.DEFAULT);
  }
}
