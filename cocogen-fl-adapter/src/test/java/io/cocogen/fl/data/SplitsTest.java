package io.cocogen.fl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private final Dataset digits = DigitsLoader.load();

  @Test
  void trainTestIsStratifiedDisjointAndSeeded() {
    Splits.TrainTest a = Splits.trainTest(digits, 0.25, 42);
    Splits.TrainTest b = Splits.trainTest(digits, 0.25, 42);
    Splits.TrainTest c = Splits.trainTest(digits, 0.25, 43);
    assertThat(a.train().size() + a.test().size()).isEqualTo(digits.size());
    int[] all = digits.labelHistogram();
    int[] test = a.test().labelHistogram();
    for (int k = 0; k < 10; k++) {
      assertThat(test[k]).isEqualTo((int) Math.round(0.25 * all[k]));
    }
    assertThat(a.test().features()).isEqualTo(b.test().features());
    assertThat(a.test().features()).isNotEqualTo(c.test().features());
    // Disjoint and covering: the multiset of rows is preserved (sum of all features as a fingerprint).
    assertThat(sum(a.train()) + sum(a.test())).isCloseTo(sum(digits), within(1e-6));
  }

  @Test
  void holdoutAndStratifiedSample() {
    Splits.Holdout h = Splits.holdout(digits, 0.1, 7);
    assertThat(h.holdout().size()).isBetween(175, 185);
    assertThat(h.rest().size() + h.holdout().size()).isEqualTo(digits.size());
    Dataset s = Splits.stratifiedSample(digits, 500, 3);
    assertThat(s.size()).isEqualTo(500);
    assertThat(java.util.stream.IntStream.of(s.labelHistogram())).allSatisfy(n -> assertThat(n).isBetween(48, 52));
    assertThatThrownBy(() -> Splits.holdout(digits, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction = 1.5");
    assertThatThrownBy(() -> Splits.stratifiedSample(digits, 5000, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count = 5000");
  }

  @Test
  void resampleFollowsTheRequestedLabelMix() {
    double[] p = {0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0};
    Dataset r = Splits.resampleToDistribution(digits, p, 4000, new SplittableRandom(1));
    int[] h = r.labelHistogram();
    assertThat(h[0] + h[1]).isEqualTo(4000);
    assertThat(h[0]).isBetween(1850, 2150);
  }

  private static double sum(Dataset d) {
    double s = 0;
    for (float v : d.features()) {
      s += v;
    }
    return s;
  }
}
