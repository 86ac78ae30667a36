package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.solver.SolverOptions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SHAPLEY sharing rule computes the surplus game's Shapley values itself (MODEL.md §8 step 3). */
class ShapleySharingRuleTest {

  @Test
  void sharesFollowTheExactSurplusShapleyValues() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(21),
        SyntheticFederations.Spec.of(9, SyntheticFederations.Kind.DENSE, 0.5, 0.0));
    Redistribution r = RedistributionMechanism.compute(game, SharingRule.SHAPLEY, SolverOptions.DEFAULT);
    double[] phi = ShapleyValues.exact(game, ValueFunction.SURPLUS, SolverOptions.DEFAULT);
    double total = 0;
    for (double p : phi) {
      total += Math.max(0, p);
    }
    for (int i = 0; i < 9; i++) {
      assertThat(r.shares()[i]).isCloseTo(Math.max(0, phi[i]) / total, offset(1e-12));
    }
    assertThat(r.message()).contains("exact Shapley values");
    Redistribution given = RedistributionMechanism.compute(game, SharingRule.SHAPLEY, SolverOptions.DEFAULT, phi, false);
    assertThat(given.shares()).containsExactly(r.shares(), offset(1e-15));
    MechanismOutcome o = Mechanisms.cocogenPlus(game, SharingRule.SHAPLEY, SolverOptions.DEFAULT);
    assertThat(o.redistribution().shares()).containsExactly(r.shares(), offset(1e-15));
  }

  /** Above 20 organizations the values are sampled, seeded by the solver options: reproducible. */
  @Test
  void sampledAboveTheExactLimit() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(22),
        SyntheticFederations.Spec.of(21, SyntheticFederations.Kind.UNIFORM, 0.3, 1.0));
    Redistribution a = RedistributionMechanism.compute(game, SharingRule.SHAPLEY, SolverOptions.DEFAULT);
    Redistribution b = RedistributionMechanism.compute(game, SharingRule.SHAPLEY, SolverOptions.DEFAULT);
    assertThat(a.message()).contains("sampled Shapley values");
    assertThat(a.shares()).isEqualTo(b.shares());
    double total = 0;
    for (double s : a.shares()) {
      assertThat(s).isGreaterThanOrEqualTo(0);
      total += s;
    }
    assertThat(total).isCloseTo(1.0, offset(1e-12));
    assertThat(a.relativeImbalance()).isLessThanOrEqualTo(1e-9);
  }
}
