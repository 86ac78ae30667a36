package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.api.SyntheticFederations.Kind;
import org.junit.jupiter.api.Test;

/**
 * Scale smoke test: 200 000 organizations with uniform and segment competition solve to a certified
 * OPTIMAL equilibrium in a few Newton iterations. (The 10^6 targets are measured by the JMH benchmarks.)
 */
class ScaleSmokeTest {
  private static final int N = 200_000;

  @Test
  void twoHundredThousandOrganizationsSolveToOptimal() {
    for (Kind kind : new Kind[] {Kind.UNIFORM, Kind.SEGMENTS}) {
      RoundGame game = SyntheticFederations.large(2026, N, kind, 0.5, 0.5);
      assertThat(game.size()).isEqualTo(N);
      assertThat(game.isPotentialGame()).isTrue();
      long t0 = System.nanoTime();
      Equilibrium e = CocogenSolver.equilibrium(game);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(e.state()).as("%s: %s", kind, e.message()).isEqualTo(SolveState.OPTIMAL);
      assertThat(e.method()).isEqualTo("fast-path");
      assertThat(e.iterations()).as("Newton iterations").isLessThanOrEqualTo(50);
      assertThat(e.certificate().maxRelativeRegret()).isLessThanOrEqualTo(SolverOptions.DEFAULT.tolerance());
      TestGames.assertFeasible(game, e.synthetic());
      assertThat(e.totalSynthetic()).isPositive();
      // Generous: catches a collapse to best-response sweeps (minutes), not machine noise.
      assertThat(seconds).as("seconds for %s", kind).isLessThan(60.0);
    }
  }

  @Test
  void twoHundredThousandOrganizationsWelfareOptimum() {
    RoundGame game = SyntheticFederations.large(7, N, Kind.UNIFORM, 0.4, 0.0);
    WelfareOptimum so = WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
    assertThat(so.state()).as(so.message()).isEqualTo(SolveState.OPTIMAL);
    assertThat(so.concave()).isTrue();
    assertThat(so.gap()).isLessThanOrEqualTo(SolverOptions.DEFAULT.tolerance() * (1 + Math.abs(so.welfare())));
    TestGames.assertFeasible(game, so.synthetic());
  }
}
