package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.Competition;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.testkit.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The welfare optimum (MODEL.md §6): OPTIMAL with a certificate and a closed gap when SW is concave;
 * never below the equilibrium's welfare; non-concave welfare reported as such, with a finite upper bound
 * that really bounds the optimum (checked by dense grid search on n ≤ 3).
 */
class WelfareOptimizerTest {
  private static final double TOL = SolverOptions.DEFAULT.tolerance();

  @Test
  void concaveWelfareIsOptimalWithACertificateAndAClosedGap() {
    SeededProperty.forAll("concave welfare", 0xC0_9CA5EL, 60, (r, seed) -> {
      Kind kind = r.nextBoolean() ? Kind.UNIFORM : Kind.NONE;
      RoundGame game = TestGames.potentialGame(r, 1 + r.nextInt(40), kind, r.nextDouble(), r.nextBoolean());
      assertThat(Stakes.welfare(game).fastPathApplies()).isTrue();
      WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
      assertThat(so.concave()).isTrue();
      assertThat(so.state()).as(so.message()).isEqualTo(SolveState.OPTIMAL);
      assertThat(so.certificate().maxRelativeRegret()).isLessThanOrEqualTo(TOL);
      assertThat(so.certificate().concave()).isTrue();
      assertThat(so.gap()).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(so.welfare())));
      assertThat(so.upperBound()).isCloseTo(so.welfare() + so.gap(), within(1e-9 * (1 + Math.abs(so.welfare()))));
      TestGames.assertFeasible(game, so.synthetic());
      RoundGame.Workspace ws = game.newWorkspace();
      assertThat(so.welfare()).isEqualTo(game.welfare(so.synthetic(), ws));
      double[] u = new double[game.size()];
      game.utilities(so.synthetic(), u, ws);
      assertThat(so.utilities()).containsExactly(u);
      assertThat(so.ids()).containsExactly(game.federation().ids());
      assertThat(so.budgetPrice()).isGreaterThanOrEqualTo(0.0);
      if (so.budgetPrice() > 0) {
        assertThat(so.totalSynthetic()).as("a priced budget binds").isCloseTo(game.budget(), within(1e-9 * game.budget()));
      }
      Equilibrium ne = CocogenSolver.equilibrium(game);
      assertThat(so.efficiencyOf(ne)).isCloseTo(ne.welfare() / so.welfare(), within(1e-15));
      assertThat(so.efficiencyOf(ne)).isLessThanOrEqualTo(1 + 1e-12);
      if (ne.welfare() > 0) {
        assertThat(so.priceOfAnarchy(ne)).isCloseTo(so.welfare() / ne.welfare(), within(1e-15)).isGreaterThanOrEqualTo(1 - 1e-12);
      }
    });
  }

  @Test
  void welfareOptimumIsNeverBelowTheEquilibrium() {
    AtomicInteger count = new AtomicInteger();
    SeededProperty.forAll("SW(SO) >= SW(NE)", 0x5_0_9EL, 120, (r, seed) -> {
      RoundGame game = switch (r.nextInt(4)) {
        case 0 -> TestGames.potentialGame(r, 1 + r.nextInt(30), TestGames.KINDS[r.nextInt(5)], r.nextDouble(),
            r.nextBoolean());
        case 1 -> TestGames.dominatedGame(r, 2 + r.nextInt(8), r.nextDouble(), r.nextBoolean());
        case 2 -> heavilyCompetedAgainst(r, 2 + r.nextInt(5), r.nextBoolean() ? 0.0 : 1.0);
        default -> ParameterRangeTest.extremeGame(r, ParameterRangeTest.Flavour.COUPLED);
      };
      WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
      Equilibrium ne = CocogenSolver.equilibrium(game);
      double noise = 1e-12 * ParameterRangeTest.welfareScale(game, ne.synthetic());
      assertThat(so.welfare()).as("%s: %s", game, so.message()).isGreaterThanOrEqualTo(ne.welfare() - noise);
      assertThat(so.upperBound()).isGreaterThanOrEqualTo(ne.welfare() - noise);
      assertThat(so.upperBound()).isGreaterThanOrEqualTo(so.welfare() - noise);
      TestGames.assertFeasible(game, so.synthetic());
      count.incrementAndGet();
    });
    assertThat(count.get()).isEqualTo(120);
  }

  /**
   * Organization 0 is the common rival: the others lose {@code 1.3/(n−1)} each per unit of its gain, so
   * {@code C_0 = 1.3 > 1 + θΓ_0 = 1} and {@code B_0 < 0} (for n ≥ 3 every {@code w_i} stays positive).
   */
  static RoundGame heavilyCompetedAgainst(RandomGenerator r, int n, double theta) {
    List<Organization> orgs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      orgs.add(SyntheticFederations.organization(i == 0 ? "rival" : "org" + i, r, 1.2, 0.5));
    }
    double[][] g = new double[n][n];
    for (int i = 1; i < n; i++) {
      g[i][0] = 1.3 / (n - 1);
    }
    return RoundGame.builder().organizations(orgs).competition(Competition.dense(g)).theta(theta)
        .performance(ScalingLawModel.defaults(10)).build();
  }

  @Test
  void nonConcaveWelfareIsReportedWithAValidBound() {
    AtomicInteger optimal = new AtomicInteger();
    AtomicInteger interior = new AtomicInteger();
    SeededProperty.forAll("non-concave welfare, n <= 3", 0x40C0_4CAL, 30, (r, seed) -> {
      int n = 2 + r.nextInt(2);
      RoundGame game;
      if (r.nextInt(3) < 2) {
        game = heavilyCompetedAgainst(r, n, r.nextBoolean() ? 0.0 : 1.0);
        assertThat(game.welfarePrivateWeights()[0]).as("B_rival").isNegative();
      } else {
        // Heavy uniform rivalry: W <= 0.
        List<Organization> orgs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          orgs.add(SyntheticFederations.organization("o" + i, r, 1.0, 0.5));
        }
        game = RoundGame.builder().organizations(orgs).competition(Competition.uniform(1.5 + r.nextDouble()))
            .theta(0).performance(ScalingLawModel.defaults(10)).build();
        assertThat(game.totalCommonStake()).as("W").isLessThanOrEqualTo(0.0);
      }
      WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
      assertThat(so.concave()).isFalse();
      assertThat(so.message()).contains("not concave");
      assertThat(so.upperBound()).isFinite();
      assertThat(so.welfare()).isFinite();
      assertThat(so.upperBound()).isGreaterThanOrEqualTo(so.welfare() - 1e-9 * TestGames.mag(so.welfare(), 0));
      assertThat(so.gap()).isCloseTo(Math.max(0, so.upperBound() - so.welfare()), within(1e-12 * TestGames.mag(so.welfare(), 0)));
      if (so.state() == SolveState.OPTIMAL) {
        optimal.incrementAndGet();
        assertThat(so.gap()).isLessThanOrEqualTo(TOL * (1 + Math.abs(so.welfare())));
      } else {
        assertThat(so.state()).isEqualTo(SolveState.APPROXIMATE);
        assertThat(so.gap()).isGreaterThan(TOL * (1 + Math.abs(so.welfare())));
      }
      double brute = bruteForceMaxWelfare(game);
      double slack = 1e-9 * TestGames.mag(brute, 0);
      assertThat(so.upperBound()).as("the bound is valid: >= brute-force max %s", brute).isGreaterThanOrEqualTo(brute - slack);
      assertThat(so.welfare() + so.gap()).isGreaterThanOrEqualTo(brute - slack);
      // The plan itself is (near) the best the grid finds.
      assertThat(so.welfare()).as("plan vs brute-force max").isGreaterThanOrEqualTo(brute - 1e-6 * TestGames.mag(brute, 0));
      if (so.totalSynthetic() > 0) {
        interior.incrementAndGet();
      }
    });
    assertThat(interior.get()).as("non-trivial plans").isGreaterThanOrEqualTo(10);
    assertThat(optimal.get()).as("non-concave cases closed by the bound").isGreaterThanOrEqualTo(10);
  }

  @Test
  void dualBoundOfAConcaveProblemIsTightAndValid() {
    SplittableRandom r = new SplittableRandom(31);
    for (int k = 0; k < 10; k++) {
      RoundGame game = TestGames.potentialGame(r, 1 + r.nextInt(3), Kind.UNIFORM, 0.5, k % 2 == 0);
      WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
      double brute = bruteForceMaxWelfare(game);
      assertThat(so.upperBound()).isGreaterThanOrEqualTo(brute - 1e-9 * TestGames.mag(brute, 0));
      assertThat(so.welfare()).isGreaterThanOrEqualTo(brute - 1e-9 * TestGames.mag(brute, 0));
      // A bound taken at a poor plan is valid but loose.
      double loose = WelfareOptimizer.dualBound(game, new double[game.size()], 0.0);
      assertThat(loose).isGreaterThanOrEqualTo(so.welfare() - 1e-9 * TestGames.mag(brute, 0));
    }
  }

  @Test
  void badWarmStartsAreRejected() {
    RoundGame game = TestGames.potentialGame(new SplittableRandom(8), 4, Kind.UNIFORM, 0.5, false);
    double[] bad = new double[4];
    bad[1] = Double.NaN;
    assertThatThrownBy(() -> WelfareOptimizer.optimize(game, SolverOptions.DEFAULT.withWarmStart(bad)))
        .isInstanceOf(InvalidModelException.class)
        .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("synthetic[" + game.id(1) + "]"));
    assertThatThrownBy(() -> WelfareOptimizer.optimize(game, SolverOptions.DEFAULT.withWarmStart(new double[3])))
        .isInstanceOf(InvalidModelException.class)
        .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("synthetic"));
    // A good warm start is accepted and gives the same optimum.
    WelfareOptimum cold = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
    WelfareOptimum warm = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT.withWarmStart(cold.synthetic()));
    assertThat(warm.state()).isEqualTo(SolveState.OPTIMAL);
    assertThat(warm.welfare()).isCloseTo(cold.welfare(), within(1e-9 * TestGames.mag(cold.welfare(), 0)));
  }

  /**
   * The maximum of SW over the feasible set for n ≤ 3: a dense grid (with the box's corners), then
   * coordinate-wise golden-section refinement of the best grid points. A lower bound on the true maximum.
   */
  static double bruteForceMaxWelfare(RoundGame game) {
    int n = game.size();
    double[] cap = game.capacity();
    int k = n == 1 ? 4000 : n == 2 ? 300 : 60;
    RoundGame.Workspace ws = game.newWorkspace();
    double best = Double.NEGATIVE_INFINITY;
    double[] arg = new double[n];
    double[] s = new double[n];
    int[] idx = new int[n];
    int total = 1;
    for (int i = 0; i < n; i++) {
      total *= k + 1;
    }
    for (int c = 0; c < total; c++) {
      int rest = c;
      double used = 0;
      for (int i = 0; i < n; i++) {
        idx[i] = rest % (k + 1);
        rest /= k + 1;
        s[i] = cap[i] * idx[i] / k;
        used += s[i];
      }
      if (game.hasBudget() && used > game.budget()) {
        continue;
      }
      double v = game.welfare(s, ws);
      if (v > best) {
        best = v;
        System.arraycopy(s, 0, arg, 0, n);
      }
    }
    // Coordinate-wise refinement.
    for (int sweep = 0; sweep < 20; sweep++) {
      for (int i = 0; i < n; i++) {
        double others = 0;
        for (int j = 0; j < n; j++) {
          others += j == i ? 0 : arg[j];
        }
        double hi = game.hasBudget() ? Math.min(cap[i], game.budget() - others) : cap[i];
        double lo = Math.max(0, arg[i] - 2 * cap[i] / k);
        hi = Math.min(hi, arg[i] + 2 * cap[i] / k);
        if (!(hi > lo)) {
          continue;
        }
        final double r = 0.6180339887498949;
        for (int it = 0; it < 100; it++) {
          double x1 = hi - r * (hi - lo);
          double x2 = lo + r * (hi - lo);
          arg[i] = x1;
          double f1 = game.welfare(arg, ws);
          arg[i] = x2;
          double f2 = game.welfare(arg, ws);
          if (f1 < f2) {
            lo = x1;
          } else {
            hi = x2;
          }
        }
        double x = 0.5 * (lo + hi);
        double old = arg[i];
        arg[i] = x;
        double v = game.welfare(arg, ws);
        if (v > best) {
          best = v;
        } else {
          arg[i] = old;
        }
      }
    }
    return best;
  }
}
