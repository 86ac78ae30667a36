package io.cocogen.solver;

import static io.cocogen.testkit.SeededProperty.logUniform;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.Competition;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.testkit.SeededProperty;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Parameter ranges: costs and market values from 1e-9 to 1e9, exponents 0.05 to 2, capacities 0 to 1e9,
 * organizations with zero skew and no quadratic cost (linear own utility) and with zero capacity. No NaN,
 * no exception, and every state is OPTIMAL or an honest APPROXIMATE whose finite regret an independent
 * brute force confirms.
 */
class ParameterRangeTest {
  private static final double TOL = SolverOptions.DEFAULT.tolerance();

  enum Flavour { INDEPENDENT, COUPLED, LINEAR }

  static RoundGame extremeGame(RandomGenerator r, Flavour flavour) {
    int n = 1 + r.nextInt(10);
    List<Organization> orgs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double rho = logUniform(r, 1e-9, 1e9);
      double kappa;
      double eta;
      if (flavour == Flavour.INDEPENDENT) {
        kappa = r.nextDouble() < 0.15 ? 0 : logUniform(r, 1e-9, 1e9);
        eta = r.nextDouble() < 0.4 ? 0 : logUniform(r, 1e-9, 1e9);
      } else {
        // Costs relative to the value, so that interior and capacity-bound actions occur too.
        kappa = r.nextDouble() < 0.15 ? 0 : Math.min(1e9, Math.max(1e-9, rho * logUniform(r, 1e-12, 1e-3)));
        eta = flavour == Flavour.LINEAR || r.nextDouble() < 0.4 ? 0
            : Math.min(1e9, Math.max(1e-9, rho * logUniform(r, 1e-15, 1e-6)));
      }
      double skew = flavour == Flavour.LINEAR || r.nextDouble() < 0.3 ? 0 : r.nextDouble();
      double cap = r.nextDouble() < 0.15 ? 0 : logUniform(r, 1e-9, 1e9);
      orgs.add(Organization.builder("o" + i)
          .realSamples(logUniform(r, 1, 1e6))
          .skew(skew)
          .quality(Math.min(1.0, logUniform(r, 1e-3, 1.0)))
          .unitCost(kappa)
          .quadraticCost(eta)
          .capacity(cap)
          .marketValue(rho)
          .build());
    }
    ScalingLawModel law = new ScalingLawModel(Math.log(10), 0.2 * r.nextDouble(), logUniform(r, 0.1, 100),
        0.05 + 1.95 * r.nextDouble(), r.nextDouble() < 0.3 ? 0 : logUniform(r, 1e-3, 10),
        r.nextDouble() < 0.3 ? 0 : r.nextDouble());
    double gammaBar = r.nextDouble() < 0.3 ? 0 : 1.5 * r.nextDouble();
    Competition competition = switch (r.nextInt(4)) {
      case 0 -> Competition.none();
      case 1 -> Competition.uniform(gammaBar);
      case 2 -> {
        Map<String, String> seg = new LinkedHashMap<>();
        for (Organization o : orgs) {
          seg.put(o.id(), "s" + r.nextInt(2));
        }
        yield Competition.segments(seg, gammaBar, 0.3 * gammaBar);
      }
      default -> {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            g[i][j] = i == j ? 0 : gammaBar * r.nextDouble() / Math.max(1, n - 1);
          }
        }
        yield Competition.dense(g);
      }
    };
    RoundGame.Builder b = RoundGame.builder().organizations(orgs).competition(competition)
        .theta(r.nextBoolean() ? 0.0 : 1.0).performance(law);
    if (r.nextDouble() < 0.3) {
      double total = 0;
      for (Organization o : orgs) {
        total += o.capacity();
      }
      b.budget(total * r.nextDouble());
    }
    return b.build();
  }

  @Test
  void extremeParametersGiveFiniteHonestResults() {
    Map<SolveState, Integer> states = new EnumMap<>(SolveState.class);
    for (Flavour flavour : Flavour.values()) {
      SeededProperty.forAll("extreme parameters " + flavour, 0xE8_7EE3L + flavour.ordinal(), 150, (r, seed) -> {
        RoundGame game = extremeGame(r, flavour);
        Equilibrium e = CocogenSolver.equilibrium(game);
        states.merge(e.state(), 1, Integer::sum);
        assertThat(e.state()).as("%s: %s", game, e.message()).isNotEqualTo(SolveState.FAILED);
        assertThat(e.synthetic()).as("synthetic").doesNotContain(Double.NaN);
        assertThat(java.util.Arrays.stream(e.utilities())).as("utilities").allMatch(Double::isFinite);
        assertThat(e.welfare()).isFinite();
        TestGames.assertFeasible(game, e.synthetic());
        assertThat(e.certificate().maxRelativeRegret()).isFinite();
        if (game.isPotentialGame()) {
          assertThat(e.potential()).isFinite();
        }
        CompetitionDominatedTest.assertHonest(game, e);

        WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
        assertThat(so.state()).as(so.message()).isNotEqualTo(SolveState.FAILED);
        TestGames.assertFeasible(game, so.synthetic());
        assertThat(so.welfare()).isFinite();
        assertThat(so.upperBound()).isFinite();
        double noise = 1e-12 * welfareScale(game, so.synthetic());
        assertThat(so.upperBound()).as("dual bound vs the plan's welfare").isGreaterThanOrEqualTo(so.welfare() - noise);
        assertThat(so.upperBound()).as("dual bound vs the equilibrium's welfare").isGreaterThanOrEqualTo(e.welfare() - noise);
        if (so.state() == SolveState.OPTIMAL) {
          assertThat(so.gap()).isLessThanOrEqualTo(TOL * (1 + Math.abs(so.welfare())) + noise);
        }
      });
    }
    assertThat(states.getOrDefault(SolveState.OPTIMAL, 0)).as("states %s", states).isGreaterThan(400);
  }

  static double welfareScale(RoundGame game, double[] s) {
    DenseReference ref = new DenseReference(game);
    double total = 0;
    for (int i = 0; i < game.size(); i++) {
      total += ref.utilityScale(i, s);
    }
    return total;
  }
}
