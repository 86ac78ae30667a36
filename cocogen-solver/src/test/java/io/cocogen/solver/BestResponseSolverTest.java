package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.RoundGame;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The general path under the solver contract, plus its agreement with the fast path on potential games. */
class BestResponseSolverTest extends EquilibriumSolverContract {

  @Override
  EquilibriumSolver solver() {
    return new BestResponseSolver();
  }

  @Test
  void agreesWithTheFastPathOnPotentialGamesWithoutBudget() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      if (!game.isPotentialGame() || game.hasBudget()) {
        continue;
      }
      Equilibrium general = solver().solve(game);
      Equilibrium fast = new PotentialGameSolver().solve(game);
      assertThat(general.method()).isEqualTo("best-response");
      // Both maximise the same concave potential; the general path only to a relative regret of 1e-9, so
      // its potential may fall short by a little more than that, never exceed.
      double tol = 1e-7 * TestGames.mag(fast.potential(), 0);
      assertThat(general.potential()).as("%s", game).isCloseTo(fast.potential(), within(tol));
      assertThat(general.potential()).isLessThanOrEqualTo(fast.potential() + 1e-12 * TestGames.mag(fast.potential(), 0));
    }
  }
}
