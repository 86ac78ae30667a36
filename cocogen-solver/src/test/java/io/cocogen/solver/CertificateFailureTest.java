package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.testkit.SeededProperty;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Certificates that must fail (MODEL.md §5): perturbed equilibria have positive regret, agreeing with an
 * independent brute force, and are never reported OPTIMAL; solvers starved of iterations say APPROXIMATE
 * with an honest figure; and the regret of a perturbation of size ε grows like ε² in a concave game.
 */
class CertificateFailureTest {
  private static final double TOL = SolverOptions.DEFAULT.tolerance();

  @Test
  void perturbedEquilibriaHavePositiveRegretMatchingTheBruteForce() {
    AtomicInteger checked = new AtomicInteger();
    SeededProperty.forAll("perturbed equilibrium", 0xBAD_5EEDL, 60, (r, seed) -> {
      Kind kind = TestGames.KINDS[r.nextInt(TestGames.KINDS.length)];
      RoundGame game = TestGames.potentialGame(r, 2 + r.nextInt(20), kind, r.nextBoolean() ? 0.0 : 1.0, r.nextBoolean());
      Equilibrium e = CocogenSolver.equilibrium(game);
      assertThat(e.state()).isEqualTo(SolveState.OPTIMAL);
      // Move one organization away from its equilibrium action by 20% of its capacity: down when the budget
      // binds or it plays high, up otherwise.
      double[] s = e.synthetic().clone();
      double[] cap = game.capacity();
      double total = 0;
      for (double v : s) {
        total += v;
      }
      boolean tight = game.hasBudget() && total >= game.budget() * (1 - 1e-9);
      int i = -1;
      for (int k = 0, start = r.nextInt(game.size()); k < game.size(); k++) {
        int j = (start + k) % game.size();
        boolean canDown = s[j] >= 0.2 * cap[j] && cap[j] > 0;
        boolean canUp = s[j] <= 0.8 * cap[j] && cap[j] > 0
            && (!game.hasBudget() || total + 0.2 * cap[j] <= game.budget());
        if (canDown || canUp) {
          i = j;
          s[j] = canDown && (tight || s[j] > 0.5 * cap[j]) ? s[j] - 0.2 * cap[j] : s[j] + 0.2 * cap[j];
          break;
        }
      }
      assertThat(i).as("an organization that can move").isNotNegative();
      if (game.hasBudget()) {
        assertThat(total - e.synthetic()[i] + s[i]).isLessThanOrEqualTo(game.budget() * (1 + 1e-12));
      }
      Certificate c = Certifier.nash(game, s);
      BruteRegret.Regrets brute = new BruteRegret(game).of(s);
      assertThat(c.maxRegret()).isPositive();
      assertThat(c.regrets()[i]).as("regret of the moved organization").isPositive();
      assertThat(brute.absolute()[i]).isPositive();
      // The certificate's regret is the exact one: the brute force finds the same (it can only find less).
      DenseReference ref = new DenseReference(game);
      for (int k = 0; k < game.size(); k++) {
        double noise = 1e-13 * ref.utilityScale(k, s);
        assertThat(brute.absolute()[k]).as("brute vs certificate, organization %d", k)
            .isLessThanOrEqualTo(c.regrets()[k] * (1 + 1e-9) + noise)
            .isGreaterThanOrEqualTo(c.regrets()[k] * (1 - 1e-6) - noise);
      }
      if (c.maxRelativeRegret() > TOL) {
        checked.incrementAndGet();
      }
      assertThat(c.certifies(TOL)).isEqualTo(c.maxRelativeRegret() <= TOL);
    });
    assertThat(checked.get()).as("perturbations large enough to fail the certificate").isGreaterThan(30);
  }

  @Test
  void starvedSolversSayApproximateWithAnHonestRegret() {
    AtomicInteger approximate = new AtomicInteger();
    SeededProperty.forAll("starved solvers", 0x57A12EDL, 20, (r, seed) -> {
      RoundGame game = TestGames.potentialGame(r, 10 + r.nextInt(30), r.nextBoolean() ? Kind.UNIFORM : Kind.DENSE, 0.0,
          false);
      SolverOptions starved = SolverOptions.DEFAULT.withMaxIterations(1);
      for (EquilibriumSolver solver : new EquilibriumSolver[] {new PotentialGameSolver(), new BestResponseSolver()}) {
        Equilibrium e = solver.solve(game, starved);
        TestGames.assertFeasible(game, e.synthetic());
        BruteRegret.Regrets brute = new BruteRegret(game).of(e.synthetic());
        if (e.state() == SolveState.OPTIMAL) {
          assertThat(brute.maxRelative()).isLessThanOrEqualTo(TOL * (1 + 1e-6) + 1e-15);
        } else {
          approximate.incrementAndGet();
          assertThat(e.state()).isEqualTo(SolveState.APPROXIMATE);
          assertThat(e.certificate().maxRelativeRegret()).isGreaterThan(TOL).isFinite();
          // The reported figure is real: the brute force finds it too.
          assertThat(brute.maxRelative()).isGreaterThan(TOL)
              .isCloseTo(e.certificate().maxRelativeRegret(), within(1e-6 * e.certificate().maxRelativeRegret()));
        }
      }
    });
    assertThat(approximate.get()).as("starved solves that could not certify").isGreaterThanOrEqualTo(20);
  }

  @Test
  void profilesOverTheBudgetOrOutsideTheBoxAreNeverCertified() {
    SplittableRandom r = new SplittableRandom(515);
    RoundGame game = TestGames.potentialGame(r, 6, Kind.UNIFORM, 0.0, true);
    double[] s = game.capacity().clone();
    double total = 0;
    for (double v : s) {
      total += v;
    }
    assertThat(total).isGreaterThan(game.budget());
    Certificate c = Certifier.nash(game, s);
    assertThat(c.maxRelativeRegret()).isInfinite();
    assertThat(c.certifies(1.0)).isFalse();
    // Just inside the budget it is an ordinary, finite certificate.
    double[] inside = s.clone();
    for (int i = 0; i < inside.length; i++) {
      inside[i] *= game.budget() / total * (1 - 1e-9);
    }
    assertThat(Certifier.nash(game, inside).maxRelativeRegret()).isFinite();
    double[] outside = new double[6];
    outside[3] = game.capacity()[3] * 2;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Certifier.nash(game, outside))
        .isInstanceOf(io.cocogen.api.InvalidModelException.class).hasMessageContaining(game.id(3));
  }

  @Test
  void regretOfAPerturbationGrowsLikeEpsilonSquared() {
    SplittableRandom r = new SplittableRandom(2024);
    int found = 0;
    for (int trial = 0; trial < 20 && found < 5; trial++) {
      RoundGame game = TestGames.potentialGame(r, 3 + r.nextInt(8), Kind.UNIFORM, 0.5, false);
      Equilibrium e = CocogenSolver.equilibrium(game);
      double[] cap = game.capacity();
      for (int i = 0; i < game.size(); i++) {
        double si = e.synthetic()[i];
        if (!(si > 0.2 * cap[i] && si < 0.8 * cap[i])) {
          continue;
        }
        found++;
        double[] eps = {1e-2, 5e-3, 2.5e-3, 1.25e-3, 6.25e-4};
        double[] own = new double[eps.length];
        double[] max = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
          double[] s = e.synthetic().clone();
          s[i] = si + eps[k] * cap[i];
          Certificate c = Certifier.nash(game, s);
          own[k] = c.regrets()[i];
          max[k] = c.maxRegret();
          assertThat(own[k]).isPositive();
        }
        for (int k = 0; k + 1 < eps.length; k++) {
          double order = Math.log(own[k] / own[k + 1]) / Math.log(eps[k] / eps[k + 1]);
          assertThat(order).as("order of the own regret, organization %d, eps %s", i, eps[k]).isCloseTo(2.0, within(0.05));
          double orderMax = Math.log(max[k] / max[k + 1]) / Math.log(eps[k] / eps[k + 1]);
          assertThat(orderMax).as("order of the max regret").isCloseTo(2.0, within(0.1));
        }
        // The constant is half the curvature of the own utility: r ≈ ½|u''|(ε S)².
        double h = 1e-4 * cap[i];
        BruteRegret br = new BruteRegret(game);
        double[] s = e.synthetic();
        double curvature = (br.utilityAt(i, si + h, s) - 2 * br.utilityAt(i, si, s) + br.utilityAt(i, si - h, s)) / (h * h);
        double predicted = 0.5 * Math.abs(curvature) * Math.pow(eps[eps.length - 1] * cap[i], 2);
        assertThat(own[eps.length - 1]).isCloseTo(predicted, within(0.05 * predicted));
      }
    }
    assertThat(found).as("interior organizations found").isGreaterThanOrEqualTo(5);
  }
}
