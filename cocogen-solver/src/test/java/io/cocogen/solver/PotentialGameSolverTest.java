package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.RoundGame;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The fast path under the solver contract, plus what is specific to it. */
class PotentialGameSolverTest extends EquilibriumSolverContract {

  @Override
  EquilibriumSolver solver() {
    return new PotentialGameSolver();
  }

  @Test
  void potentialGamesTakeTheFastPathAndOthersTheGeneralPath() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      Equilibrium e = solver().solve(game);
      if (game.isPotentialGame()) {
        assertThat(e.method()).startsWith("fast-path");
      } else {
        assertThat(e.method()).isEqualTo("best-response");
      }
    }
  }

  @Test
  void fastPathNeedsPositiveStakes() {
    RoundGame game = TestGames.dominatedGame(new SplittableRandom(3), 4, 0.0, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> PotentialGameSolver.solveSeparable(game, Stakes.nash(game), SolverOptions.DEFAULT, "fast-path"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("omega_i > 0");
  }

  @Test
  void entryPointUsesThisSolver() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      Equilibrium a = CocogenSolver.equilibrium(game);
      Equilibrium b = solver().solve(game);
      assertThat(a.synthetic()).containsExactly(b.synthetic());
      assertThat(a.method()).isEqualTo(b.method());
    }
  }
}
