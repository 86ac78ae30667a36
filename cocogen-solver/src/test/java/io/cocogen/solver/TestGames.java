package io.cocogen.solver;

import static io.cocogen.testkit.SeededProperty.logUniform;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.Competition;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Seeded game generators and shared assertions of the solver tests. */
final class TestGames {
  private TestGames() {}

  static final Kind[] KINDS = Kind.values();

  /** A random potential game ({@code γ̄·spread < 1}) of the given kind, θ and optional budget. */
  static RoundGame potentialGame(RandomGenerator r, int n, Kind kind, double theta, boolean budget) {
    double gammaBar = kind == Kind.NONE ? 0.0 : 0.05 + 0.6 * r.nextDouble();
    Spec spec = Spec.of(n, kind, gammaBar, theta);
    if (budget) {
      spec = spec.withBudget(0.05 + 0.85 * r.nextDouble());
    }
    return SyntheticFederations.game(r, spec);
  }

  /**
   * A game with competition-dominated organizations: one small organization (market value 1) among rivals
   * worth 1000 that it competes with at total exposure {@code γ̄ ≥ 0.3}, plus random others.
   */
  static RoundGame dominatedGame(RandomGenerator r, int n, double theta, boolean budget) {
    List<Organization> orgs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double rho = i == 0 ? 1.0 : 1000 * (0.5 + r.nextDouble());
      orgs.add(Organization.builder(i == 0 ? "small" : "big" + i)
          .realSamples(Math.rint(logUniform(r, 500, 20000)))
          .skew(0.8 * r.nextDouble())
          .quality(0.3 + 0.7 * r.nextDouble())
          .unitCost(logUniform(r, 1e-7, 3e-5) * rho)
          .quadraticCost(r.nextBoolean() ? logUniform(r, 1e-12, 1e-9) * rho : 0.0)
          .capacity(Math.rint(logUniform(r, 1000, 50000)))
          .marketValue(rho)
          .build());
    }
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      double exposure = i == 0 ? 0.3 + 0.5 * r.nextDouble() : 0.3 * r.nextDouble();
      double sum = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          g[i][j] = r.nextDouble() + 0.05;
          sum += g[i][j];
        }
      }
      for (int j = 0; j < n; j++) {
        g[i][j] = sum > 0 ? g[i][j] * exposure / sum : 0;
      }
    }
    RoundGame.Builder b = RoundGame.builder().organizations(orgs).competition(Competition.dense(g)).theta(theta)
        .performance(ScalingLawModel.defaults(10));
    if (budget) {
      double total = 0;
      for (Organization o : orgs) {
        total += o.capacity();
      }
      b.budget((0.05 + 0.5 * r.nextDouble()) * total);
    }
    return b.build();
  }

  /** Relative difference scale: {@code 1e-9·max(1, |a|, |b|)}-style comparisons use this. */
  static double mag(double a, double b) {
    return Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  /** Profile inside every box and, when there is one, the shared budget (up to rounding). */
  static void assertFeasible(RoundGame game, double[] s) {
    double[] cap = game.capacity();
    assertThat(s).hasSize(game.size());
    double total = 0;
    for (int i = 0; i < s.length; i++) {
      assertThat(s[i]).as("s[%d]", i).isFinite().isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(cap[i]);
      total += s[i];
    }
    if (game.hasBudget()) {
      assertThat(total).as("sum of s against budget").isLessThanOrEqualTo(game.budget() * (1 + 1e-12));
    }
  }
}
