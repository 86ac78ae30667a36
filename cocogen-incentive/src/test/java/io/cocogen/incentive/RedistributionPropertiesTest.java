package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.RoundGame;
import io.cocogen.solver.SolverOptions;
import io.cocogen.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

/**
 * The properties MODEL.md §8 requires of every redistribution, on seeded random potential games of every
 * competition kind, both competition models, with and without a shared budget.
 */
class RedistributionPropertiesTest {
  private static final double TOL = 1e-9;

  /**
   * 520 games (n from 2 to 12): budget balance, incentive compatibility of the plan under the transfers
   * (regret recomputed by brute force from {@link RoundGame#utilities}), nobody below its equilibrium
   * utility, fees, transfers and shares consistent with their definitions.
   */
  @Test
  void budgetBalancedIncentiveCompatibleAndNobodyWorseOff() {
    int[] trial = {0};
    SeededProperty.forAll("redistribution properties", 20260401L, 520, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 2, 12);
      assertThat(game.isPotentialGame()).isTrue();
      Redistribution r = RedistributionMechanism.compute(game, SharingRule.CONTRIBUTION_AND_DEGRADATION,
          SolverOptions.DEFAULT, null, false);
      int n = game.size();
      double[] uPlan = new double[n];
      double[] uNash = new double[n];
      RoundGame.Workspace ws = game.newWorkspace();
      game.utilities(r.plan(), uPlan, ws);
      game.utilities(r.nash(), uNash, ws);

      // Budget balance: |Σ τ| ≤ 1e-9 (1 + Σ |τ|), recomputed from the transfers.
      double sum = 0;
      double abs = 0;
      for (double t : r.transfers()) {
        sum += t;
        abs += Math.abs(t);
      }
      assertThat(Math.abs(sum)).as("budget imbalance").isLessThanOrEqualTo(TOL * (1 + abs));

      // Σ F_i = Σ σ_i s_i^SO.
      double fees = 0;
      double subsidies = 0;
      for (int i = 0; i < n; i++) {
        fees += r.fees()[i];
        subsidies += r.subsidies()[i] * r.plan()[i];
      }
      assertThat(Math.abs(fees - subsidies)).as("fees vs subsidies").isLessThanOrEqualTo(TOL * (1 + abs));

      double shareSum = 0;
      for (int i = 0; i < n; i++) {
        // τ_i = π_i − U_i(s^SO), and τ_i = σ_i s_i − F_i.
        assertThat(Math.abs(r.transfers()[i] - (r.payoffs()[i] - uPlan[i])))
            .as("transfer of %d", i).isLessThanOrEqualTo(TOL * (1 + Math.abs(r.payoffs()[i]) + Math.abs(uPlan[i])));
        assertThat(Math.abs(r.transfers()[i] - (r.subsidies()[i] * r.plan()[i] - r.fees()[i])))
            .isLessThanOrEqualTo(TOL * (1 + Math.abs(r.fees()[i])));
        // Nobody worse off than at the equilibrium.
        assertThat(r.payoffs()[i]).as("payoff of %d vs Nash utility", i)
            .isGreaterThanOrEqualTo(uNash[i] - TOL * (1 + Math.abs(uNash[i])));
        // Plan regret under transfers, by brute force.
        double regret = TestSupport.bruteRegret(game, r.plan(), r.subsidies()[i], i);
        assertThat(regret / (1 + Math.abs(r.payoffs()[i]))).as("relative plan regret of %d", i)
            .isLessThanOrEqualTo(TOL);
        assertThat(r.shares()[i]).isGreaterThanOrEqualTo(0.0);
        shareSum += r.shares()[i];
      }
      assertThat(shareSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(r.surplus()).isGreaterThanOrEqualTo(-TOL * (1 + Math.abs(r.optimum().welfare())));
      assertThat(r.relativeImbalance()).isLessThanOrEqualTo(TOL);
      assertThat(r.planCertificate().maxRelativeRegret()).isLessThanOrEqualTo(TOL);
    });
  }

  /**
   * {@code σ_i = (W − w_i)(λ^SO·a_i) + (B_i − b_i) g_i'(s_i^SO)} is, by its definition, the gap between the
   * marginal social value and the marginal private value of {@code s_i} at the plan:
   * {@code ∂SW/∂s_i − ∂U_i/∂s_i}. Checked by central differences of {@link RoundGame#welfare} and
   * {@link RoundGame#utilities} on 120 games.
   */
  @Test
  void subsidyIsTheGapBetweenSocialAndPrivateMarginalValue() {
    int[] trial = {0};
    SeededProperty.forAll("sigma definition", 77L, 120, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 2, 10);
      Redistribution r = RedistributionMechanism.compute(game, SharingRule.EQUAL, SolverOptions.DEFAULT, null, false);
      int n = game.size();
      RoundGame.Workspace ws = game.newWorkspace();
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        double si = r.plan()[i];
        double h = 1e-4 * Math.max(1.0, si);
        double[] up = r.plan().clone();
        double[] dn = r.plan().clone();
        up[i] = si + h;
        dn[i] = Math.max(0.0, si - h);
        double width = up[i] - dn[i];
        double dSw = (welfare(game, up, ws) - welfare(game, dn, ws)) / width;
        game.utilities(up, u, ws);
        double uUp = u[i];
        game.utilities(dn, u, ws);
        double dU = (uUp - u[i]) / width;
        double expected = dSw - dU;
        assertThat(r.subsidies()[i]).as("sigma of %d", i)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * (Math.abs(expected) + Math.abs(dSw)) + 1e-12));
      }
    });
  }

  /**
   * The brute-force regret check has teeth: without the subsidies the welfare plan is not an equilibrium
   * (organizations under-generate), and the same check sees it on most games.
   */
  @Test
  void withoutSubsidiesThePlanHasRegret() {
    int[] trial = {0};
    int[] detected = {0};
    int games = 60;
    SeededProperty.forAll("plan regret without subsidies", 991L, games, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 3, 10);
      Redistribution r = RedistributionMechanism.compute(game, SharingRule.EQUAL, SolverOptions.DEFAULT, null, false);
      double worst = 0;
      for (int i = 0; i < game.size(); i++) {
        worst = Math.max(worst, TestSupport.bruteRegret(game, r.plan(), 0.0, i) / (1 + Math.abs(r.payoffs()[i])));
      }
      if (worst > 1e-6) {
        detected[0]++;
      }
    });
    System.out.println("plan regret without subsidies above 1e-6 on " + detected[0] + " of " + games + " games");
    assertThat(detected[0]).isGreaterThanOrEqualTo(games / 3);
  }

  private static double welfare(RoundGame game, double[] s, RoundGame.Workspace ws) {
    return game.welfare(s, ws);
  }

  /** Every sharing rule gives non-negative shares that sum to 1 (SHAPLEY with exact values, n ≤ 7). */
  @Test
  void sharesAreADistributionForEveryRule() {
    int[] trial = {0};
    SeededProperty.forAll("shares", 5150L, 40, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 1, 7);
      for (SharingRule rule : SharingRule.values()) {
        Redistribution r = RedistributionMechanism.compute(game, rule, SolverOptions.DEFAULT, null, false);
        double total = 0;
        for (double l : r.shares()) {
          assertThat(l).as("%s share", rule).isGreaterThanOrEqualTo(0.0);
          total += l;
        }
        assertThat(total).as("%s shares sum", rule).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.rule()).isEqualTo(rule);
      }
    });
  }
}
