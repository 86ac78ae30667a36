package io.cocogen.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import io.cocogen.testkit.SeededProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundGame#utilities} (which uses the {@code w, b} decomposition) against the original utility of
 * MODEL.md §3 with gains from the loss formula of §2, computed independently in {@link BruteForce}. Errors
 * are judged relative to {@code 1 +} the sum of the absolute values of the formula's terms.
 */
class UtilityFormulaTest {
  static final double TOLERANCE = 1e-10;

  @Test
  void utilitiesGainsAndCompetitionLossesMatchTheOriginalFormula() {
    for (Kind kind : Kind.values()) {
      SeededProperty.forAll("utility formula " + kind, 0xf0_0001L + kind.ordinal(), 40, (r, seed) -> {
        int n = 1 + r.nextInt(30);
        double theta = r.nextInt(3) == 0 ? 0 : r.nextInt(2) == 0 ? 1 : r.nextDouble();
        // Dominated organizations included: the formula holds whatever the signs of the stakes.
        RoundGame game = SyntheticFederations.game(r,
            new Spec(n, kind, r.nextDouble(), theta, 1 + 4 * r.nextDouble(), Double.NaN, 0.5));
        check(game, r);
      });
    }
  }

  @Test
  void histogramOrganizationsAndCustomScalingLaw() {
    SeededProperty.forAll("utility formula, histograms", 0xf0_0002L, 60, (r, seed) -> {
      int n = 1 + r.nextInt(12);
      int classes = 2 + r.nextInt(9);
      double[] target = null;
      if (r.nextBoolean()) {
        target = new double[classes];
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          target[k] = 0.05 + r.nextDouble();
          sum += target[k];
        }
        for (int k = 0; k < classes; k++) {
          target[k] /= sum;
        }
        // Sums to 1 up to rounding, well inside Federation's 1e-9 check.
      }
      List<Organization> orgs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Organization.Builder b = Organization.builder("h" + i).realSamples(1000 + r.nextInt(20000))
            .quality(0.2 + 0.8 * r.nextDouble()).unitCost(1e-5 * r.nextDouble()).quadraticCost(1e-9 * r.nextDouble())
            .capacity(r.nextInt(30000)).marketValue(10 + 990 * r.nextDouble());
        if (r.nextInt(3) == 0) {
          b.skew(r.nextDouble());
        } else {
          double[] h = new double[classes];
          for (int k = 0; k < classes; k++) {
            h[k] = r.nextDouble() < 0.2 ? 0 : r.nextInt(3000);
          }
          h[r.nextInt(classes)] += 1;
          b.labelHistogram(h);
        }
        orgs.add(b.build());
      }
      ScalingLawModel law = new ScalingLawModel(Math.log(classes) + r.nextDouble(), 0.5 * r.nextDouble(),
          1 + 9 * r.nextDouble(), 0.1 + 0.5 * r.nextDouble(), r.nextDouble(), r.nextDouble());
      RoundGame game = RoundGame.builder().organizations(orgs).targetDistribution(target).performance(law)
          .competition(Competition.uniform(0.5 * r.nextDouble())).theta(r.nextDouble()).build();
      check(game, r);
    });
  }

  private static void check(RoundGame game, RandomGenerator r) {
    int n = game.size();
    double[][] gamma = BruteForce.rawGamma(game.competition(), Arrays.asList(game.federation().ids()));
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[n];
    double[] gains = new double[n];
    double[] losses = new double[n];
    double[] scale = new double[n];
    ScalingLawModel law = (ScalingLawModel) game.performanceModel();
    for (int profile = 0; profile < 3; profile++) {
      double[] s = BruteForce.randomProfile(game, r);
      double[] expected = BruteForce.utilities(game, gamma, s, scale);
      double[] loss = BruteForce.losses(game, s);
      game.utilities(s, u, ws);
      game.gains(s, gains, ws);
      game.competitionLosses(s, losses, ws);
      double[] rho = game.federation().marketValue();
      for (int i = 0; i < n; i++) {
        double gi = law.referenceLoss() - loss[i];
        assertThat(Math.abs(u[i] - expected[i]) / (1 + scale[i]))
            .as("U_%d: %s vs original formula %s", i, u[i], expected[i]).isLessThanOrEqualTo(TOLERANCE);
        assertThat(Math.abs(gains[i] - gi) / (1 + Math.abs(law.referenceLoss()) + loss[i]))
            .as("G_%d", i).isLessThanOrEqualTo(TOLERANCE);
        double k = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            k += gamma[i][j] * (rho[j] * (law.referenceLoss() - loss[j]) - game.theta() * rho[i] * gi);
          }
        }
        assertThat(Math.abs(losses[i] - k) / (1 + scale[i])).as("K_%d: %s vs %s", i, losses[i], k)
            .isLessThanOrEqualTo(TOLERANCE);
      }
    }
  }
}
