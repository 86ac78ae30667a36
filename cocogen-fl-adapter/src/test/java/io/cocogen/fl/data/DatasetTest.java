package io.cocogen.fl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetTest {
  private static Dataset small() {
    float[] f = {0, 1, 2, 3, 4, 5, 6, 7};
    return Dataset.of(f, new int[] {1, 0, 1, 2}, 2, 3);
  }

  @Test
  void subsetHistogramAndConcat() {
    Dataset d = small();
    assertThat(d.size()).isEqualTo(4);
    assertThat(d.labelHistogram()).containsExactly(1, 2, 1);
    assertThat(d.labelDistribution()).containsExactly(0.25, 0.5, 0.25);

    Dataset s = d.subset(new int[] {3, 0, 3});
    assertThat(s.labels()).containsExactly(2, 1, 2);
    assertThat(s.row(0)).containsExactly(6f, 7f);
    assertThat(s.row(1)).containsExactly(0f, 1f);

    Dataset c = Dataset.concat(d, s, Dataset.empty(2, 3));
    assertThat(c.size()).isEqualTo(7);
    assertThat(c.labelHistogram()).containsExactly(1, 3, 3);
    assertThat(c.row(4)).containsExactly(6f, 7f);
    double[] buf = new double[3];
    c.copyRow(1, buf, 1);
    assertThat(buf).containsExactly(0, 2, 3);
  }

  @Test
  void isImmutable() {
    float[] f = {0, 1, 2, 3};
    int[] y = {0, 1};
    Dataset d = Dataset.of(f, y, 2, 2);
    f[0] = 9;
    y[0] = 1;
    d.features()[1] = 9;
    d.labels()[1] = 0;
    assertThat(d.feature(0, 0)).isZero();
    assertThat(d.feature(0, 1)).isEqualTo(1f);
    assertThat(d.labels()).containsExactly(0, 1);
  }

  @Test
  void badInputNamesFieldAndValue() {
    assertThatThrownBy(() -> Dataset.of(new float[] {0, 1}, new int[] {3}, 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[0] = 3");
    assertThatThrownBy(() -> Dataset.of(new float[] {0, 1, 2}, new int[] {0}, 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features.length = 3");
    assertThatThrownBy(() -> Dataset.of(new float[] {0, Float.NaN}, new int[] {0}, 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features[1] = NaN");
    assertThatThrownBy(() -> small().subset(new int[] {4}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indices[0] = 4");
    assertThatThrownBy(() -> Dataset.concat(small(), Dataset.empty(3, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parts[1]");
  }
}
