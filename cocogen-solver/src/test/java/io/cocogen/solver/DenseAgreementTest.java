package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.testkit.SeededProperty;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fast path against an independent dense method ({@link DenseReference}: SPG on the full potential
 * {@code Φ} and on {@code SW} with the exact projection) and an independent brute-force regret
 * ({@link BruteRegret}), on 500 seeded random games: n up to 50, every competition kind, θ at both extremes,
 * with and without a shared budget (25 games per combination).
 */
class DenseAgreementTest {
  private static final int PER_COMBINATION = 25;
  private static final double REL = 1e-9;
  private static final int SPG_ITERATIONS = 20000;

  @Test
  void fastPathAgreesWithDenseReferenceOnFiveHundredGames() {
    AtomicInteger games = new AtomicInteger();
    AtomicInteger binding = new AtomicInteger();
    AtomicInteger nonConcaveWelfare = new AtomicInteger();
    long base = 0x5EED_0001L;
    for (Kind kind : TestGames.KINDS) {
      for (double theta : new double[] {0.0, 1.0}) {
        for (boolean budget : new boolean[] {false, true}) {
          String name = "dense agreement " + kind + " theta=" + theta + " budget=" + budget;
          SeededProperty.forAll(name, base++, PER_COMBINATION, (r, seed) -> {
            int n = 1 + r.nextInt(50);
            RoundGame game = TestGames.potentialGame(r, n, kind, theta, budget);
            games.incrementAndGet();
            if (checkGame(game)) {
              binding.incrementAndGet();
            }
            if (!checkWelfare(game)) {
              nonConcaveWelfare.incrementAndGet();
            }
          });
        }
      }
    }
    assertThat(games.get()).isEqualTo(500);
    // The budgeted half must actually exercise binding budgets.
    assertThat(binding.get()).as("games with a binding budget").isGreaterThan(100);
  }

  /** Returns whether the budget binds at the equilibrium. */
  private static boolean checkGame(RoundGame game) {
    DenseReference ref = new DenseReference(game);
    assertThat(ref.potentialGame()).as("generator promises w_i > 0").isTrue();
    assertThat(game.isPotentialGame()).isTrue();
    Equilibrium e = new PotentialGameSolver().solve(game, SolverOptions.DEFAULT);
    assertThat(e.state()).as("state of %s: %s", e, e.message()).isEqualTo(SolveState.OPTIMAL);
    assertThat(e.method()).startsWith("fast-path");
    double[] s = e.synthetic();
    TestGames.assertFeasible(game, s);

    // The reported potential is Φ of MODEL.md §3 at the profile.
    double phi = ref.potential(s);
    assertThat(e.potential()).isCloseTo(phi, org.assertj.core.data.Offset.offset(1e-12 * TestGames.mag(phi, 0)));

    // Equal potential: the dense maximiser neither beats the solver nor falls short of it.
    // Φ is concave: one start (the box's midpoint, scaled into the budget) finds its maximum.
    DenseReference.Max dense = ref.maximise(ref.potentialObjective(), null, SPG_ITERATIONS);
    double tol = REL * TestGames.mag(phi, dense.value());
    assertThat(phi).as("solver potential vs dense reference %s", dense.value()).isGreaterThanOrEqualTo(dense.value() - tol);
    assertThat(dense.value()).as("dense reference must not beat the solver %s", phi).isLessThanOrEqualTo(phi + tol);
    DenseReference.Max polished = ref.maximise(ref.potentialObjective(), s, SPG_ITERATIONS);
    assertThat(polished.value()).as("SPG started at the solver's profile must not improve it").isLessThanOrEqualTo(phi + tol);

    // Independent regret.
    BruteRegret.Regrets regrets = new BruteRegret(game).of(s);
    for (int i = 0; i < game.size(); i++) {
      double noise = 1e-13 * ref.utilityScale(i, s) / (1 + Math.abs(regrets.base()[i]));
      assertThat(regrets.relative()[i]).as("brute-force relative regret of %s", game.id(i))
          .isLessThanOrEqualTo(REL + noise);
    }
    assertThat(e.certificate().maxRelativeRegret()).isLessThanOrEqualTo(SolverOptions.DEFAULT.tolerance());
    double total = ref.y(s);
    return game.hasBudget() && total >= game.budget() * (1 - 1e-9);
  }

  /** Returns whether SW is concave. */
  private static boolean checkWelfare(RoundGame game) {
    DenseReference ref = new DenseReference(game);
    WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
    double[] s = so.synthetic();
    TestGames.assertFeasible(game, s);
    double sw = ref.welfare(s);
    assertThat(so.welfare()).isCloseTo(sw, org.assertj.core.data.Offset.offset(1e-12 * TestGames.mag(sw, 0)));
    assertThat(so.concave()).isEqualTo(ref.welfareConcave());
    DenseReference.Max dense = ref.welfareConcave() ? ref.maximise(ref.welfareObjective(), null, SPG_ITERATIONS)
        : ref.maximiseMultiStart(ref.welfareObjective(), SPG_ITERATIONS, s);
    if (ref.welfareConcave()) {
      DenseReference.Max polished = ref.maximise(ref.welfareObjective(), s, SPG_ITERATIONS);
      assertThat(polished.value()).as("SPG started at the plan must not improve it")
          .isLessThanOrEqualTo(sw + REL * TestGames.mag(sw, polished.value()));
    }
    double tol = REL * TestGames.mag(sw, dense.value());
    assertThat(so.upperBound()).as("dual bound vs dense welfare").isGreaterThanOrEqualTo(dense.value() - tol);
    if (ref.welfareConcave()) {
      assertThat(so.state()).as(so.message()).isEqualTo(SolveState.OPTIMAL);
      assertThat(sw).as("solver welfare vs dense reference").isGreaterThanOrEqualTo(dense.value() - tol);
      assertThat(dense.value()).isLessThanOrEqualTo(sw + tol);
    } else if (so.state() == SolveState.OPTIMAL) {
      assertThat(so.gap()).isLessThanOrEqualTo(SolverOptions.DEFAULT.tolerance() * (1 + Math.abs(so.welfare())));
    }
    Equilibrium ne = CocogenSolver.equilibrium(game);
    assertThat(so.welfare()).as("SW(s^SO) >= SW(s^NE)").isGreaterThanOrEqualTo(ne.welfare() - 1e-12 * TestGames.mag(sw, 0));
    return ref.welfareConcave();
  }
}
