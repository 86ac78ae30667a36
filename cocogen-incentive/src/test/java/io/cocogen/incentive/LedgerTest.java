package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.solver.SolverOptions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static RoundRecord record(int round, String[] ids, double[] transfers) {
    double[] z = new double[ids.length];
    double[] pay = transfers.clone();
    return new RoundRecord(round, "TEST", ids, z, z, z, transfers, pay, 0.0);
  }

  @Test
  void appendOnlyWithIncreasingRounds() {
    Ledger empty = Ledger.empty();
    Ledger one = empty.append(record(0, new String[] {"a", "b"}, new double[] {1, -1}));
    Ledger two = one.append(record(3, new String[] {"b", "c"}, new double[] {2, -2}));
    assertThat(empty.isEmpty()).isTrue();
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.size()).isEqualTo(2);
    assertThat(two.last().orElseThrow().round()).isEqualTo(3);
    assertThat(two.round(3)).isPresent();
    assertThat(two.round(1)).isEmpty();
    assertThatThrownBy(() -> two.append(record(3, new String[] {"a"}, new double[] {0})))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("strictly increase");
    assertThatThrownBy(() -> two.append(record(2, new String[] {"a"}, new double[] {0})))
        .isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> two.records().add(record(9, new String[] {"a"}, new double[] {0})))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(two.cumulativeTransfers()).containsEntry("a", 1.0).containsEntry("b", 1.0).containsEntry("c", -2.0);
    assertThat(two.cumulativePayoffs()).containsEntry("b", 1.0);
    assertThat(two.participationCounts()).containsEntry("b", 2).containsEntry("a", 1);
    assertThat(Ledger.of(two.records()).records()).isEqualTo(two.records());
  }

  @Test
  void recordsAreImmutableAndValidated() {
    String[] ids = {"a", "b"};
    double[] t = {1, -1};
    RoundRecord r = record(0, ids, t);
    ids[0] = "z";
    t[0] = 99;
    assertThat(r.participants()).containsExactly("a", "b");
    assertThat(r.transfers()).containsExactly(1, -1);
    r.transfers()[0] = 42;
    assertThat(r.transfers()[0]).isEqualTo(1.0);
    assertThat(r).isEqualTo(record(0, new String[] {"a", "b"}, new double[] {1, -1}));
    assertThat(r.hashCode()).isEqualTo(record(0, new String[] {"a", "b"}, new double[] {1, -1}).hashCode());
    assertThatThrownBy(() -> record(0, new String[] {"a", "a"}, new double[] {0, 0}))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> record(-1, new String[] {"a"}, new double[] {0})).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> new RoundRecord(0, "X", new String[] {"a"}, new double[1], new double[1], new double[1],
        new double[2], new double[1], 0)).isInstanceOf(InvalidModelException.class).hasMessageContaining("transfers");
    assertThatThrownBy(() -> record(0, new String[] {"a"}, new double[] {Double.NaN}))
        .isInstanceOf(InvalidModelException.class);
  }

  /** A CoCoGen+ round recorded: plan, actions, money and welfare as the mechanism reported them. */
  @Test
  void recordOfAMechanismRound() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(4),
        SyntheticFederations.Spec.of(5, SyntheticFederations.Kind.SPARSE, 0.4, 1.0));
    MechanismOutcome o = Mechanisms.play(game, IncentiveScheme.COCOGEN_PLUS, SolverOptions.DEFAULT);
    RoundRecord r = RoundRecord.of(7, o);
    assertThat(r.round()).isEqualTo(7);
    assertThat(r.scheme()).isEqualTo("COCOGEN_PLUS");
    assertThat(r.participants()).containsExactly(game.federation().ids());
    assertThat(r.plan()).containsExactly(o.redistribution().plan());
    assertThat(r.actions()).containsExactly(o.synthetic());
    assertThat(r.payoffs()).containsExactly(o.payoffs());
    assertThat(r.transferSum()).isCloseTo(0.0, offset(1e-9 * 1e4));
    Ledger l = Ledger.of(List.of(r));
    double sum = 0;
    for (double p : o.payoffs()) {
      sum += p;
    }
    assertThat(l.cumulativePayoffs().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(sum, offset(1e-9 * Math.abs(sum)));
    assertThat(l.cumulativeWelfare()).isEqualTo(o.welfare());
  }
}
