package io.cocogen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import io.cocogen.testkit.SeededProperty;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The weighted-potential theorem of MODEL.md §3 and the welfare identity of §6 on seeded random games of
 * every competition kind.
 */
class PotentialGameTest {
  static final double TOLERANCE = 1e-9;
  static final int GAMES_PER_CASE = 40;

  /** A random potential game: n in 1..30, gammaBar below 0.6 so that every w_i > 0 (Spec's promise). */
  static RoundGame randomGame(RandomGenerator r, Kind kind, double theta) {
    int n = 1 + r.nextInt(30);
    Spec spec = Spec.of(n, kind, 0.6 * r.nextDouble(), theta);
    return SyntheticFederations.game(r, r.nextBoolean() ? spec : spec.withBudget(0.5));
  }

  /**
   * {@code U_i(s'_i, s_−i) − U_i(s) = w_i(Φ(s'_i, s_−i) − Φ(s))} for random unilateral deviations inside the
   * box. Both sides are differences of quantities of size up to {@code max(|U_i(s)|, |U_i(s')|, w_i|Φ(s)|,
   * w_i|Φ(s')|)}, so the error is judged relative to {@code 1 +} that.
   */
  @Test
  void unilateralDeviationsChangeUtilityByWeightedPotentialChange() {
    for (Kind kind : Kind.values()) {
      for (double theta : new double[] {0, 1}) {
        SeededProperty.forAll("potential identity " + kind + " theta=" + theta, 0x5eed_0001L + kind.ordinal(),
            GAMES_PER_CASE, (r, seed) -> checkPotentialIdentity(randomGame(r, kind, theta), r));
      }
    }
    // Intermediate θ mixes both competition models.
    SeededProperty.forAll("potential identity, theta in (0,1)", 0x5eed_0002L, GAMES_PER_CASE,
        (r, seed) -> checkPotentialIdentity(randomGame(r, Kind.values()[r.nextInt(5)], r.nextDouble()), r));
  }

  private static void checkPotentialIdentity(RoundGame game, RandomGenerator r) {
    assertThat(game.isPotentialGame()).as("every w_i > 0").isTrue();
    int n = game.size();
    double[] w = game.commonStakes();
    double[] cap = game.capacity();
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[n];
    double[] u2 = new double[n];
    for (int profile = 0; profile < 3; profile++) {
      double[] s = BruteForce.randomProfile(game, r);
      game.utilities(s, u, ws);
      double phi = game.potential(s, ws);
      for (int t = 0; t < Math.min(n, 6); t++) {
        int i = r.nextInt(n);
        double[] deviation = s.clone();
        double v = r.nextDouble();
        deviation[i] = v < 0.15 ? 0 : v < 0.3 ? cap[i] : r.nextDouble() * cap[i];
        game.utilities(deviation, u2, ws);
        double phi2 = game.potential(deviation, ws);
        double lhs = u2[i] - u[i];
        double rhs = w[i] * (phi2 - phi);
        double scale = 1 + Math.max(Math.max(Math.abs(u[i]), Math.abs(u2[i])),
            w[i] * Math.max(Math.abs(phi), Math.abs(phi2)));
        assertThat(Math.abs(lhs - rhs) / scale)
            .as("player %d of %d deviating %s -> %s: dU = %s, w dPhi = %s", i, n, s[i], deviation[i], lhs, rhs)
            .isLessThanOrEqualTo(TOLERANCE);
      }
    }
  }

  /** {@code SW(s) = Σ_i U_i(s)}, relative to {@code 1 + Σ_i |U_i(s)|}. */
  @Test
  void welfareIsTheSumOfUtilities() {
    for (Kind kind : Kind.values()) {
      for (double theta : new double[] {0, 1}) {
        SeededProperty.forAll("welfare " + kind + " theta=" + theta, 0x5eed_0003L + kind.ordinal(), GAMES_PER_CASE,
            (r, seed) -> {
              RoundGame game = randomGame(r, kind, theta);
              RoundGame.Workspace ws = game.newWorkspace();
              double[] u = new double[game.size()];
              for (int profile = 0; profile < 3; profile++) {
                double[] s = BruteForce.randomProfile(game, r);
                game.utilities(s, u, ws);
                double sum = 0;
                double abs = 0;
                for (double x : u) {
                  sum += x;
                  abs += Math.abs(x);
                }
                double sw = game.welfare(s, ws);
                assertThat(Math.abs(sw - sum) / (1 + abs)).as("SW %s vs sum %s", sw, sum)
                    .isLessThanOrEqualTo(TOLERANCE);
              }
            });
      }
    }
  }

  @Test
  void competitionDominatedGameHasNoPotentialAndSaysWho() {
    // With γ̄ = 0.9 and values spread tenfold, low-value organizations lose more to rivals than they gain.
    int[] dominatedGames = {0};
    SeededProperty.forAll("dominated", 0x5eed_0004L, 20, (r, seed) -> {
      RoundGame game = SyntheticFederations.game(r, Spec.of(10, Kind.UNIFORM, 0.9, 0).withValueSpread(10));
      double[] w = game.commonStakes();
      for (int i = 0; i < game.size(); i++) {
        int index = i;
        boolean listed = java.util.Arrays.stream(game.competitionDominated()).anyMatch(k -> k == index);
        assertThat(listed).isEqualTo(!(w[i] > 0));
      }
      if (!game.isPotentialGame()) {
        dominatedGames[0]++;
        double[] s = new double[game.size()];
        assertThatThrownBy(() -> game.potential(s, game.newWorkspace()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(game.dominatedIds().get(0));
      }
    });
    assertThat(dominatedGames[0]).as("games with a competition-dominated organization").isPositive();
  }
}
