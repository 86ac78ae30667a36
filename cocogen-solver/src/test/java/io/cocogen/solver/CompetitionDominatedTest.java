package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.Competition;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.testkit.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Competition-dominated games (MODEL.md §3): some {@code w_i ≤ 0}, so there is no positive-weight potential.
 * The solver must say so, name the organizations, use the general path and report an honest state, checked
 * against an independent brute-force regret.
 */
class CompetitionDominatedTest {
  private static final double TOL = SolverOptions.DEFAULT.tolerance();

  /** A small organization (market value 1) competing with three rivals worth 1000. */
  static RoundGame smallAmongBigRivals(double theta) {
    List<Organization> orgs = new ArrayList<>();
    String[] ids = {"small", "bigA", "bigB", "bigC"};
    for (int i = 0; i < 4; i++) {
      double rho = i == 0 ? 1 : 1000;
      orgs.add(Organization.builder(ids[i]).realSamples(2000 + 1000 * i).skew(0.2 + 0.1 * i).quality(0.8)
          .unitCost(2e-6 * rho).quadraticCost(i % 2 == 0 ? 1e-10 * rho : 0).capacity(10000 + 5000 * i)
          .marketValue(rho).build());
    }
    double[][] g = {
        {0, 0.2, 0.2, 0.2},
        {0.02, 0, 0.05, 0.05},
        {0.02, 0.05, 0, 0.05},
        {0.02, 0.05, 0.05, 0}};
    return RoundGame.builder().organizations(orgs).competition(Competition.dense(g)).theta(theta)
        .performance(ScalingLawModel.defaults(10)).build();
  }

  @Test
  void theSmallOrganizationIsNamedAndTheGeneralPathIsUsed() {
    for (double theta : new double[] {0.0, 1.0}) {
      RoundGame game = smallAmongBigRivals(theta);
      assertThat(game.isPotentialGame()).isFalse();
      assertThat(game.commonStakes()[0]).isNegative();
      assertThat(game.dominatedIds()).containsExactly("small");
      assertThat(game.competitionDominated()).containsExactly(0);
      assertThatThrownBy(() -> game.potential(new double[4], game.newWorkspace()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("small");
      Equilibrium e = CocogenSolver.equilibrium(game);
      assertThat(e.method()).isEqualTo("best-response");
      assertThat(e.competitionDominated()).containsExactly("small");
      assertThat(e.message()).contains("small").contains("competition-dominated").contains("general path");
      assertThat(e.potential()).isNaN();
      assertHonest(game, e);
      assertThat(e.state()).as(e.message()).isEqualTo(SolveState.OPTIMAL);
    }
  }

  @Test
  void seededDominatedGamesAreSolvedHonestly() {
    AtomicInteger optimal = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    SeededProperty.forAll("dominated games", 0xD0_517EDL, 80, (r, seed) -> {
      double theta = switch (r.nextInt(3)) {
        case 0 -> 0.0;
        case 1 -> 1.0;
        default -> r.nextDouble();
      };
      RoundGame game = TestGames.dominatedGame(r, 2 + r.nextInt(11), theta, r.nextBoolean());
      DenseReference ref = new DenseReference(game);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < game.size(); i++) {
        if (!(ref.w[i] > 0)) {
          expected.add(game.id(i));
        }
      }
      assertThat(expected).contains("small");
      assertThat(game.isPotentialGame()).isFalse();
      assertThat(game.dominatedIds()).containsExactlyElementsOf(expected);
      Equilibrium e = new PotentialGameSolver().solve(game, SolverOptions.DEFAULT);
      assertThat(e.method()).isEqualTo("best-response");
      assertThat(e.competitionDominated()).containsExactlyElementsOf(expected);
      for (String id : expected) {
        assertThat(e.message()).contains(id);
      }
      TestGames.assertFeasible(game, e.synthetic());
      assertHonest(game, e);
      total.incrementAndGet();
      if (e.state() == SolveState.OPTIMAL) {
        optimal.incrementAndGet();
      }
    });
    assertThat(optimal.get()).as("dominated games certified OPTIMAL out of %s", total.get())
        .isGreaterThanOrEqualTo(total.get() * 9 / 10);
  }

  @Test
  void everyoneDominatedUnderHeavyUniformCompetition() {
    SeededProperty.forAll("everyone dominated", 0xE7E2L, 10, (r, seed) -> {
      List<Organization> orgs = new ArrayList<>();
      int n = 3 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        orgs.add(io.cocogen.api.SyntheticFederations.organization("org" + i, r, 1.2, 0.5));
      }
      RoundGame game = RoundGame.builder().organizations(orgs).competition(Competition.uniform(2.0)).theta(0)
          .performance(ScalingLawModel.defaults(10)).build();
      assertThat(game.dominatedIds()).hasSize(n);
      Equilibrium e = CocogenSolver.equilibrium(game);
      assertThat(e.method()).isEqualTo("best-response");
      assertThat(e.competitionDominated()).hasSize(n);
      TestGames.assertFeasible(game, e.synthetic());
      assertHonest(game, e);
    });
  }

  /** OPTIMAL only when the brute force agrees; otherwise a finite figure the brute force does not exceed. */
  static void assertHonest(RoundGame game, Equilibrium e) {
    assertThat(e.state()).isNotEqualTo(SolveState.FAILED);
    BruteRegret.Regrets brute = new BruteRegret(game).of(e.synthetic());
    DenseReference ref = new DenseReference(game);
    Certificate c = e.certificate();
    assertThat(c.maxRelativeRegret()).isFinite();
    for (int i = 0; i < game.size(); i++) {
      double noise = 1e-13 * ref.utilityScale(i, e.synthetic());
      assertThat(brute.absolute()[i]).as("brute-force regret of %s vs reported %s", game.id(i), c.regrets()[i])
          .isLessThanOrEqualTo(c.regrets()[i] * (1 + 1e-6) + noise);
      if (e.state() == SolveState.OPTIMAL) {
        assertThat(brute.relative()[i]).isLessThanOrEqualTo(TOL + noise / (1 + Math.abs(brute.base()[i])));
      }
    }
    assertThat(e.state() == SolveState.OPTIMAL).isEqualTo(c.maxRelativeRegret() <= TOL);
  }
}
