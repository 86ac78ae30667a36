package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EquilibriumSolver} meets (MODEL.md §3–§5), run by each implementation's test
 * through {@link #solver()}: a state, iterations, evaluations and a certificate consistent with the state
 * and with an independent brute-force regret; profiles inside the boxes and the budget; utilities, welfare
 * and potential consistent with {@link RoundGame} and with the original form of the utility;
 * bit-identical results for the same input; warm starts accepted; bad warm starts rejected naming the
 * field.
 */
abstract class EquilibriumSolverContract {
  private static final double TOL = SolverOptions.DEFAULT.tolerance();

  /** The implementation under test. */
  abstract EquilibriumSolver solver();

  /** Seeded games of every kind, θ in {0, 0.5, 1}, with and without budget, plus dominated games. */
  static List<Supplier<RoundGame>> games() {
    List<Supplier<RoundGame>> out = new ArrayList<>();
    long seed = 0xC0_47_AC_7L;
    for (Kind kind : TestGames.KINDS) {
      for (double theta : new double[] {0.0, 0.5, 1.0}) {
        for (boolean budget : new boolean[] {false, true}) {
          long s = seed++;
          out.add(() -> {
            SplittableRandom r = new SplittableRandom(s);
            return TestGames.potentialGame(r, 1 + r.nextInt(16), kind, theta, budget);
          });
        }
      }
    }
    for (int k = 0; k < 4; k++) {
      long s = seed++;
      boolean budget = k % 2 == 1;
      out.add(() -> {
        SplittableRandom r = new SplittableRandom(s);
        return TestGames.dominatedGame(r, 2 + r.nextInt(6), r.nextDouble(), budget);
      });
    }
    return out;
  }

  @Test
  void reportsStateIterationsEvaluationsAndAConsistentCertificate() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      Equilibrium e = solver().solve(game, SolverOptions.DEFAULT);
      String what = game + " -> " + e + ": " + e.message();
      assertThat(e.state()).as(what).isNotNull().isNotEqualTo(SolveState.FAILED);
      assertThat(e.method()).as(what).isNotBlank();
      assertThat(e.message()).as(what).isNotBlank();
      assertThat(e.iterations()).as(what).isGreaterThanOrEqualTo(0);
      assertThat(e.evaluations()).as(what).isPositive();
      Certificate c = e.certificate();
      assertThat(c.regrets()).hasSize(game.size());
      assertThat(c.bestResponses()).hasSize(game.size());
      double maxAbs = 0;
      double maxRel = 0;
      for (int i = 0; i < game.size(); i++) {
        assertThat(c.regrets()[i]).as(what).isFinite().isGreaterThanOrEqualTo(0.0);
        maxAbs = Math.max(maxAbs, c.regrets()[i]);
        maxRel = Math.max(maxRel, c.regrets()[i] / (1 + Math.abs(e.utilities()[i])));
      }
      assertThat(c.maxRegret()).as(what).isEqualTo(maxAbs);
      assertThat(c.maxRelativeRegret()).as(what).isCloseTo(maxRel, within(1e-15 * (1 + maxRel)));
      assertThat(c.regrets()[c.worst()] / (1 + Math.abs(e.utilities()[c.worst()]))).as(what)
          .isCloseTo(maxRel, within(1e-15 * (1 + maxRel)));
      // The state says what the certificate shows, both ways.
      assertThat(e.state() == SolveState.OPTIMAL).as(what).isEqualTo(c.maxRelativeRegret() <= TOL);
      // Recomputing the certificate from the profile gives the same figures.
      Certificate again = Certifier.nash(game, e.synthetic());
      assertThat(again.maxRelativeRegret()).as(what).isCloseTo(c.maxRelativeRegret(), within(1e-15));
      // An independent brute force finds no more regret than reported.
      BruteRegret.Regrets brute = new BruteRegret(game).of(e.synthetic());
      DenseReference ref = new DenseReference(game);
      for (int i = 0; i < game.size(); i++) {
        double noise = 1e-13 * ref.utilityScale(i, e.synthetic());
        assertThat(brute.absolute()[i]).as("%s: brute-force regret of %s", what, game.id(i))
            .isLessThanOrEqualTo(c.regrets()[i] * (1 + 1e-6) + noise);
        if (e.state() == SolveState.OPTIMAL) {
          assertThat(brute.relative()[i]).as(what).isLessThanOrEqualTo(TOL + noise / (1 + Math.abs(brute.base()[i])));
        }
      }
    }
  }

  @Test
  void solvesPotentialGamesToOptimal() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      if (game.isPotentialGame()) {
        Equilibrium e = solver().solve(game, SolverOptions.DEFAULT);
        assertThat(e.state()).as("%s: %s", game, e.message()).isEqualTo(SolveState.OPTIMAL);
      }
    }
  }

  @Test
  void profilesStayInsideTheBoxesAndTheBudget() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      Equilibrium e = solver().solve(game, SolverOptions.DEFAULT);
      TestGames.assertFeasible(game, e.synthetic());
    }
  }

  @Test
  void utilitiesWelfareAndPotentialAreThoseOfTheGame() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      Equilibrium e = solver().solve(game, SolverOptions.DEFAULT);
      double[] s = e.synthetic();
      RoundGame.Workspace ws = game.newWorkspace();
      double[] u = new double[game.size()];
      game.utilities(s, u, ws);
      assertThat(e.utilities()).containsExactly(u);
      assertThat(e.welfare()).isEqualTo(game.welfare(s, ws));
      assertThat(e.ids()).containsExactly(game.federation().ids());
      assertThat(e.competitionDominated()).containsExactlyElementsOf(game.dominatedIds());
      DenseReference ref = new DenseReference(game);
      double sum = 0;
      double scale = 0;
      for (int i = 0; i < game.size(); i++) {
        double original = ref.utility(i, s);
        double noise = 1e-13 * ref.utilityScale(i, s);
        assertThat(e.utilities()[i]).as("U_%d against its original form", i).isCloseTo(original, within(noise));
        sum += original;
        scale += ref.utilityScale(i, s);
      }
      assertThat(e.welfare()).as("SW = sum of U_i").isCloseTo(sum, within(1e-13 * scale));
      if (game.isPotentialGame()) {
        assertThat(e.potential()).isCloseTo(game.potential(s, ws), within(1e-12 * TestGames.mag(e.potential(), 0)));
        assertThat(e.potential()).isCloseTo(ref.potential(s), within(1e-12 * TestGames.mag(e.potential(), 0)));
      } else {
        assertThat(e.potential()).isNaN();
      }
      assertThat(e.shadowPrices()).hasSize(game.dimension());
      assertThat(e.budgetPrice()).isFinite().isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  void sameInputGivesBitIdenticalOutput() {
    for (Supplier<RoundGame> g : games()) {
      Equilibrium a = solver().solve(g.get(), SolverOptions.DEFAULT);
      Equilibrium b = solver().solve(g.get(), SolverOptions.DEFAULT);
      assertThat(b.state()).isEqualTo(a.state());
      assertThat(b.method()).isEqualTo(a.method());
      assertThat(Arrays.equals(a.synthetic(), b.synthetic())).as("synthetic bit-identical").isTrue();
      assertThat(Arrays.equals(a.utilities(), b.utilities())).isTrue();
      assertThat(Arrays.equals(a.certificate().regrets(), b.certificate().regrets())).isTrue();
      assertThat(Double.doubleToRawLongBits(b.welfare())).isEqualTo(Double.doubleToRawLongBits(a.welfare()));
      assertThat(Double.doubleToRawLongBits(b.potential())).isEqualTo(Double.doubleToRawLongBits(a.potential()));
      assertThat(b.iterations()).isEqualTo(a.iterations());
      assertThat(b.evaluations()).isEqualTo(a.evaluations());
      assertThat(b.message()).isEqualTo(a.message());
    }
  }

  @Test
  void warmStartsAreAccepted() {
    for (Supplier<RoundGame> g : games()) {
      RoundGame game = g.get();
      Equilibrium cold = solver().solve(game, SolverOptions.DEFAULT);
      // From the solution itself.
      Equilibrium fromSolution = solver().solve(game, SolverOptions.DEFAULT.withWarmStart(cold.synthetic()));
      assertThat(fromSolution.state()).isEqualTo(cold.state());
      TestGames.assertFeasible(game, fromSolution.synthetic());
      if (cold.state() == SolveState.OPTIMAL) {
        assertThat(fromSolution.certificate().maxRelativeRegret()).isLessThanOrEqualTo(TOL);
      }
      // From a random feasible profile.
      SplittableRandom r = new SplittableRandom(game.size());
      double[] warm = new double[game.size()];
      for (int i = 0; i < warm.length; i++) {
        warm[i] = r.nextDouble() * game.capacity()[i];
      }
      double[] copy = warm.clone();
      Equilibrium fromRandom = solver().solve(game, SolverOptions.DEFAULT.withWarmStart(warm));
      assertThat(warm).as("the warm start is not modified").containsExactly(copy);
      TestGames.assertFeasible(game, fromRandom.synthetic());
      if (game.isPotentialGame()) {
        assertThat(fromRandom.state()).isEqualTo(SolveState.OPTIMAL);
        if (!game.hasBudget()) {
          // Unique maximiser of the potential: the same equilibrium from anywhere, up to what a relative
          // regret of 1e-9 allows (a general-path result is only that accurate).
          assertThat(fromRandom.potential()).isCloseTo(cold.potential(), within(1e-7 * TestGames.mag(cold.potential(), 0)));
        }
      }
    }
  }

  @Test
  void badWarmStartsAreRejectedNamingTheField() {
    SplittableRandom r = new SplittableRandom(77);
    RoundGame game = TestGames.potentialGame(r, 5, Kind.UNIFORM, 0.5, false);
    double[] cap = game.capacity();
    String id = game.id(2);
    assertRejected(game, new double[4], "synthetic");
    assertRejected(game, new double[6], "synthetic");
    double[] nan = new double[5];
    nan[2] = Double.NaN;
    assertRejected(game, nan, "synthetic[" + id + "]");
    double[] negative = new double[5];
    negative[2] = -1e-6;
    assertRejected(game, negative, "synthetic[" + id + "]");
    double[] above = new double[5];
    above[2] = cap[2] * (1 + 1e-9) + 1;
    assertRejected(game, above, "synthetic[" + id + "]");
    double[] infinite = new double[5];
    infinite[2] = Double.POSITIVE_INFINITY;
    assertRejected(game, infinite, "synthetic[" + id + "]");
    // The same for a game on the general path.
    RoundGame dominated = TestGames.dominatedGame(new SplittableRandom(5), 4, 0.0, false);
    double[] bad = new double[4];
    bad[0] = -1;
    assertRejected(dominated, bad, "synthetic[" + dominated.id(0) + "]");
    assertRejected(dominated, new double[3], "synthetic");
  }

  private void assertRejected(RoundGame game, double[] warm, String field) {
    assertThatThrownBy(() -> solver().solve(game, SolverOptions.DEFAULT.withWarmStart(warm)))
        .isInstanceOf(InvalidModelException.class)
        .satisfies(ex -> assertThat(((InvalidModelException) ex).field()).isEqualTo(field))
        .hasMessageContaining(field);
  }
}
