package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.WelfareOptimizer;
import io.cocogen.solver.WelfareOptimum;
import io.cocogen.testkit.SeededProperty;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Coalition values (MODEL.md §9) against the certified solver on {@code game.restrictTo(S)}. */
class CoalitionValuesTest {

  /**
   * Every coalition of 40 random games (n from 1 to 7, every kind, both θ, with and without budget): the
   * lean fast path's {@code v^NE(S)} and {@code v^SO(S)} equal the welfare of the certified equilibrium and
   * optimum of {@code game.restrictTo(S)} to 1e-9 relative, in the table and one coalition at a time.
   */
  @Test
  void leanValuesMatchTheCertifiedSolverOnEveryCoalition() {
    int[] trial = {0};
    SeededProperty.forAll("coalition values", 4242L, 40, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 1, 7);
      int n = game.size();
      CoalitionValues cv = CoalitionValues.of(game);
      CoalitionTable table = cv.table(ValueFunction.SURPLUS);
      assertThat(table.nash()[0]).isZero();
      assertThat(table.optimum()[0]).isZero();
      assertThat(table.certified()).isTrue();
      for (int mask = 1; mask < 1 << n; mask++) {
        int[] members = TestSupport.members(mask, n);
        RoundGame sub = game.restrictTo(members);
        Equilibrium e = CocogenSolver.equilibrium(sub);
        WelfareOptimum w = WelfareOptimizer.optimize(sub, SolverOptions.DEFAULT);
        assertThat(e.state()).isEqualTo(SolveState.OPTIMAL);
        assertThat(w.state()).isEqualTo(SolveState.OPTIMAL);
        assertThat(TestSupport.relErr(table.nash()[mask], e.welfare())).as("v^NE of %s", mask).isLessThan(1e-9);
        assertThat(TestSupport.relErr(table.optimum()[mask], w.welfare())).as("v^SO of %s", mask).isLessThan(1e-9);
        CoalitionValue one = cv.evaluate(members);
        assertThat(TestSupport.relErr(one.nash(), e.welfare())).isLessThan(1e-9);
        assertThat(TestSupport.relErr(one.optimum(), w.welfare())).isLessThan(1e-9);
        assertThat(one.surplus()).isEqualTo(one.optimum() - one.nash());
      }
    });
  }

  /** Outside options {@code o_i = v({i})} agree with the redistribution's (solver-based) ones. */
  @Test
  void outsideOptionsAreSingletonValues() {
    int[] trial = {0};
    SeededProperty.forAll("outside options", 31L, 20, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 1, 12);
      double[] lean = CoalitionValues.of(game).outsideOptions();
      double[] solver = RedistributionMechanism.outsideOptions(game, SolverOptions.DEFAULT);
      for (int i = 0; i < game.size(); i++) {
        assertThat(TestSupport.relErr(lean[i], solver[i])).isLessThan(1e-9);
        assertThat(CoalitionValues.of(game).value(ValueFunction.NASH, new int[] {i})).isEqualTo(lean[i]);
      }
    });
  }

  /** The table is the same bit for bit on every run (parallel enumeration over fixed tasks). */
  @Test
  void tableIsDeterministic() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(3),
        SyntheticFederations.Spec.of(11, SyntheticFederations.Kind.DENSE, 0.4, 0.5));
    CoalitionTable a = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
    CoalitionTable b = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
    assertThat(a.nash()).isEqualTo(b.nash());
    assertThat(a.optimum()).isEqualTo(b.optimum());
    assertThat(a.leanSolves() + a.fallbackSolves()).isEqualTo(2L * ((1 << 11) - 1));
    // The lean fast path carries the table; the certified fallback is for the exceptions.
    assertThat(a.fallbackSolves()).isLessThan(a.leanSolves() / 20);
    assertThat(a.maxResidual()).isLessThanOrEqualTo(1e-10);
  }

  /** Prefix values along a permutation equal the values of the same coalitions evaluated alone. */
  @Test
  void permutationCursorMatchesDirectEvaluation() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(8),
        SyntheticFederations.Spec.of(9, SyntheticFederations.Kind.SPARSE, 0.5, 1.0).withBudget(0.2));
    CoalitionValues cv = CoalitionValues.of(game);
    int[] order = {4, 0, 8, 2, 6, 1, 7, 3, 5};
    for (ValueFunction f : ValueFunction.values()) {
      PermutationValues.Cursor c = cv.permutationValues(f).cursor();
      assertThat(c.reset()).isZero();
      int mask = 0;
      for (int i : order) {
        mask |= 1 << i;
        double v = c.add(i);
        assertThat(TestSupport.relErr(v, cv.value(f, TestSupport.members(mask, 9)))).as("%s prefix %s", f, mask)
            .isLessThan(1e-9);
      }
      assertThatThrownBy(() -> c.add(4)).isInstanceOf(InvalidModelException.class);
    }
  }

  @Test
  void rejectsBadCoalitions() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(1),
        SyntheticFederations.Spec.of(4, SyntheticFederations.Kind.UNIFORM, 0.3, 0.0));
    CoalitionValues cv = CoalitionValues.of(game);
    assertThatThrownBy(() -> cv.evaluate(new int[] {0, 4})).isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("members");
    assertThatThrownBy(() -> cv.evaluate(new int[] {1, 1})).isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("twice");
    assertThat(cv.evaluate(new int[0]).nash()).isZero();
    RoundGame big = SyntheticFederations.game(new SplittableRandom(1),
        SyntheticFederations.Spec.of(25, SyntheticFederations.Kind.UNIFORM, 0.3, 0.0));
    assertThatThrownBy(() -> CoalitionValues.of(big).table(ValueFunction.NASH))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("n <= 24");
  }

  /**
   * A coalition in which a member is competition-dominated ({@code w_i ≤ 0}) is not a potential game: the
   * lean path hands it to the solver's general path, and the value still equals the solver's.
   */
  @Test
  void competitionDominatedCoalitionsGoToTheGeneralSolver() {
    double[][] g = {{0, 3.0, 0}, {0, 0, 0}, {0.1, 0, 0}};
    java.util.List<io.cocogen.api.Organization> orgs = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orgs.add(io.cocogen.api.Organization.builder("o" + i).realSamples(1000 + 500 * i).skew(0.3).quality(0.8)
          .unitCost(0.001).quadraticCost(1e-8).capacity(5000).marketValue(100).build());
    }
    RoundGame game = RoundGame.builder().organizations(orgs).competition(io.cocogen.api.Competition.dense(g))
        .theta(0).build();
    assertThat(game.isPotentialGame()).isFalse();
    CoalitionTable t = CoalitionValues.of(game).table(ValueFunction.NASH);
    assertThat(t.fallbackSolves()).isGreaterThan(0);
    for (int mask = 1; mask < 8; mask++) {
      Equilibrium e = CocogenSolver.equilibrium(game.restrictTo(TestSupport.members(mask, 3)));
      assertThat(TestSupport.relErr(t.nash()[mask], e.welfare())).isLessThan(1e-9);
    }
  }
}
