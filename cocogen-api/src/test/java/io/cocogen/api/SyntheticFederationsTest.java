package io.cocogen.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import io.cocogen.testkit.SeededProperty;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random games are reproducible and keep the promises of {@link Spec}. */
class SyntheticFederationsTest {

  @Test
  void sameSeedGivesIdenticalGames() {
    for (Kind kind : Kind.values()) {
      SeededProperty.forAll("reproducible " + kind, 0x5f_0001L + kind.ordinal(), 20, (r, seed) -> {
        long gameSeed = r.nextLong();
        Spec spec = Spec.of(1 + r.nextInt(40), kind, r.nextDouble(), r.nextDouble()).withBudget(r.nextDouble());
        RoundGame a = SyntheticFederations.game(new SplittableRandom(gameSeed), spec);
        RoundGame b = SyntheticFederations.game(new SplittableRandom(gameSeed), spec);
        assertSameGame(a, b);
        RoundGame other = SyntheticFederations.game(new SplittableRandom(gameSeed + 1), spec);
        assertThat(other.federation().organizations()).isNotEqualTo(a.federation().organizations());
      });
    }
    RoundGame big1 = SyntheticFederations.large(7, 3000, Kind.SEGMENTS, 0.4, 0.5);
    RoundGame big2 = SyntheticFederations.large(7, 3000, Kind.SEGMENTS, 0.4, 0.5);
    assertThat(big1.federation().organizations()).isEqualTo(big2.federation().organizations());
    assertThat(big1.commonStakes()).containsExactly(big2.commonStakes());
  }

  static void assertSameGame(RoundGame a, RoundGame b) {
    assertThat(b.federation().organizations()).isEqualTo(a.federation().organizations());
    assertThat(b.competition()).isEqualTo(a.competition());
    assertThat(b.theta()).isEqualTo(a.theta());
    assertThat(b.performanceModel()).isEqualTo(a.performanceModel());
    assertThat(b.budget()).isEqualTo(a.budget());
    assertThat(BruteForce.dense(b.competitionStructure())).isDeepEqualTo(BruteForce.dense(a.competitionStructure()));
    assertThat(b.commonStakes()).containsExactly(a.commonStakes());
    assertThat(b.privateStakes()).containsExactly(a.privateStakes());
    assertThat(b.welfarePrivateWeights()).containsExactly(a.welfarePrivateWeights());
  }

  /** With {@code gammaBar · valueSpread < 1} every exposure is at most gammaBar and every {@code w_i > 0}. */
  @Test
  void specPromisesPotentialGames() {
    for (Kind kind : Kind.values()) {
      SeededProperty.forAll("spec promise " + kind, 0x5f_0002L + kind.ordinal(), 40, (r, seed) -> {
        double spread = 1 + 4 * r.nextDouble();
        double gammaBar = r.nextDouble() / spread;
        double theta = r.nextBoolean() ? 0 : r.nextDouble();
        RoundGame game = SyntheticFederations.game(r,
            new Spec(1 + r.nextInt(40), kind, gammaBar, theta, spread, Double.NaN, 0.5));
        for (double exposure : game.rowSums()) {
          assertThat(exposure).isLessThanOrEqualTo(gammaBar * (1 + 1e-12));
        }
        assertThat(game.isPotentialGame()).as("dominated: %s", game.dominatedIds()).isTrue();
        for (double rho : game.federation().marketValue()) {
          assertThat(rho).isBetween(100.0, 100 * spread);
        }
      });
    }
  }

  @Test
  void budgetIsAFractionOfTotalCapacity() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(3), Spec.of(10, Kind.DENSE, 0.3, 0).withBudget(0.25));
    double total = 0;
    for (double c : game.capacity()) {
      total += c;
    }
    assertThat(game.budget()).isEqualTo(0.25 * total);
    assertThat(SyntheticFederations.game(new SplittableRandom(3), Spec.of(10, Kind.DENSE, 0.3, 0)).hasBudget()).isFalse();
  }
}
