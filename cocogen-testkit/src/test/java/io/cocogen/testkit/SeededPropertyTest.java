package io.cocogen.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededPropertyTest {

  @Test
  void reportsTheFailingSeedAndReplaysIt() {
    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(() -> SeededProperty.forAll("small", 7L, 500, (r, seed) -> {
      seen.add(seed);
      assertThat(r.nextDouble()).isLessThan(0.9);
    })).isInstanceOf(AssertionError.class).hasMessageContaining("with seed " + seen.get(seen.size() - 1) + "L");
    long failing = seen.get(seen.size() - 1);
    assertThatThrownBy(() -> SeededProperty.replay("small", failing, (r, s) -> assertThat(r.nextDouble()).isLessThan(0.9)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void sameBaseSeedGivesSameDraws() {
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    SeededProperty.forAll("a", 3L, 20, (r, s) -> a.add(r.nextDouble()));
    SeededProperty.forAll("b", 3L, 20, (r, s) -> b.add(r.nextDouble()));
    assertThat(a).hasSize(20).isEqualTo(b);
  }

  @Test
  void logUniformStaysInRange() {
    SeededProperty.forAll("range", 11L, 300, (r, s) -> assertThat(SeededProperty.logUniform(r, 1e-9, 1e9)).isBetween(1e-9, 1e9 * (1 + 1e-12)));
  }
}
