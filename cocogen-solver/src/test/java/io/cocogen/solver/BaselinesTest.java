package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.testkit.SeededProperty;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The comparison strategies of MODEL.md §7, each evaluated under the true utilities. */
class BaselinesTest {

  private static void assertEvaluatedInTrueGame(RoundGame game, StrategyOutcome o) {
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[game.size()];
    game.utilities(o.synthetic(), u, ws);
    assertThat(o.utilities()).containsExactly(u);
    assertThat(o.welfare()).isEqualTo(game.welfare(o.synthetic(), ws));
    assertThat(o.ids()).containsExactly(game.federation().ids());
    assertThat(o.syntheticById().keySet()).containsExactly(game.federation().ids());
  }

  @Test
  void vcflIsZero() {
    SeededProperty.forAll("VCFL", 0x0FC1L, 20, (r, seed) -> {
      RoundGame game = TestGames.potentialGame(r, 1 + r.nextInt(20), TestGames.KINDS[r.nextInt(5)], r.nextDouble(),
          r.nextBoolean());
      StrategyOutcome o = Baselines.vcfl(game);
      assertThat(o.strategy()).isEqualTo(Baselines.VCFL);
      assertThat(o.synthetic()).containsOnly(0.0);
      assertThat(o.totalSynthetic()).isZero();
      assertThat(o.state()).isEqualTo(SolveState.OPTIMAL);
      assertEvaluatedInTrueGame(game, o);
    });
  }

  @Test
  void radgIsSeededAndFeasible() {
    SeededProperty.forAll("RaDG", 0x4AD6L, 40, (r, seed) -> {
      RoundGame game = TestGames.potentialGame(r, 2 + r.nextInt(30), TestGames.KINDS[r.nextInt(5)], r.nextDouble(),
          r.nextBoolean());
      StrategyOutcome a = Baselines.radg(game, seed);
      StrategyOutcome b = Baselines.radg(game, seed);
      StrategyOutcome c = Baselines.radg(game, seed + 1);
      assertThat(a.strategy()).isEqualTo(Baselines.RADG);
      assertThat(Arrays.equals(a.synthetic(), b.synthetic())).as("same seed, same draw").isTrue();
      assertThat(Arrays.equals(a.synthetic(), c.synthetic())).as("another seed, another draw").isFalse();
      assertThat(Arrays.equals(a.synthetic(), Baselines.radg(game, new SplittableRandom(seed)).synthetic())).isTrue();
      double[] cap = game.capacity();
      double total = 0;
      for (int i = 0; i < game.size(); i++) {
        assertThat(a.synthetic()[i]).isBetween(0.0, cap[i]);
        total += a.synthetic()[i];
      }
      if (game.hasBudget()) {
        assertThat(total).as("within the budget").isLessThanOrEqualTo(game.budget());
      }
      assertEvaluatedInTrueGame(game, a);
    });
    // Without a budget the draws are uniform on the boxes: the mean share is about one half.
    RoundGame game = TestGames.potentialGame(new SplittableRandom(4), 2000, Kind.NONE, 0, false);
    double[] s = Baselines.radg(game, 11).synthetic();
    double share = 0;
    for (int i = 0; i < s.length; i++) {
      share += s[i] / game.capacity()[i];
    }
    assertThat(share / s.length).isCloseTo(0.5, within(0.03));
  }

  @Test
  void wcoIsTheEquilibriumWithoutCompetitionPlayedInTheTrueGame() {
    SeededProperty.forAll("WCO", 0x3C0L, 30, (r, seed) -> {
      Kind kind = TestGames.KINDS[1 + r.nextInt(4)];
      RoundGame game = TestGames.potentialGame(r, 2 + r.nextInt(20), kind, r.nextDouble(), r.nextBoolean());
      StrategyOutcome wco = Baselines.wco(game, SolverOptions.DEFAULT);
      RoundGame free = game.withoutCompetition();
      assertThat(free.rowSums()).containsOnly(0.0);
      assertThat(free.budget()).isEqualTo(game.budget());
      Equilibrium e = CocogenSolver.equilibrium(free);
      assertThat(wco.strategy()).isEqualTo(Baselines.WCO);
      assertThat(wco.synthetic()).containsExactly(e.synthetic());
      assertThat(wco.state()).isEqualTo(e.state()).isEqualTo(SolveState.OPTIMAL);
      assertEvaluatedInTrueGame(game, wco);
      // Under the true utilities, not the competition-free ones (they differ when there is competition).
      double competition = 0;
      for (double g : game.rowSums()) {
        competition += g;
      }
      if (competition > 0) {
        assertThat(wco.utilities()).isNotEqualTo(e.utilities());
      }
      // It is an equilibrium of the game without competition, not (in general) of the true game.
      assertThat(Certifier.nash(free, wco.synthetic()).maxRelativeRegret()).isLessThanOrEqualTo(SolverOptions.DEFAULT.tolerance());
    });
  }

  @Test
  void neIsTheSolversEquilibriumAndAllComesInOrder() {
    SeededProperty.forAll("NE", 0x0E0EL, 20, (r, seed) -> {
      RoundGame game = r.nextInt(4) == 0 ? TestGames.dominatedGame(r, 2 + r.nextInt(5), r.nextDouble(), false)
          : TestGames.potentialGame(r, 1 + r.nextInt(20), TestGames.KINDS[r.nextInt(5)], r.nextDouble(), r.nextBoolean());
      SolverOptions options = SolverOptions.DEFAULT.withSeed(seed);
      StrategyOutcome ne = Baselines.nash(game, options);
      Equilibrium e = CocogenSolver.equilibrium(game, options);
      assertThat(ne.synthetic()).containsExactly(e.synthetic());
      assertThat(ne.state()).isEqualTo(e.state());
      assertThat(ne.welfare()).isEqualTo(e.welfare());
      assertEvaluatedInTrueGame(game, ne);
      Map<String, StrategyOutcome> all = Baselines.all(game, options);
      assertThat(all.keySet()).containsExactly(Baselines.VCFL, Baselines.RADG, Baselines.WCO, Baselines.NE);
      assertThat(all.get(Baselines.RADG).synthetic()).containsExactly(Baselines.radg(game, seed).synthetic());
      assertThat(all.get(Baselines.NE).synthetic()).containsExactly(e.synthetic());
      assertThat(all.get(Baselines.VCFL).synthetic()).containsOnly(0.0);
      if (game.isPotentialGame() && game.competitionStructure().nonZeros() == 0) {
        assertThat(all.get(Baselines.WCO).synthetic()).containsExactly(e.synthetic());
      }
    });
  }
}
