package io.cocogen.fl.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigitsLoaderTest {
  @Test
  void loadsAllSamplesScaledToUnitInterval() {
    Dataset d = DigitsLoader.load();
    assertThat(d.size()).isEqualTo(1797);
    assertThat(d.featureDim()).isEqualTo(64);
    assertThat(d.numClasses()).isEqualTo(10);

    int[] hist = d.labelHistogram();
    assertThat(Arrays.stream(hist).sum()).isEqualTo(1797);
    // The UCI test split that scikit-learn ships is nearly balanced: 174 to 183 per digit.
    assertThat(java.util.stream.IntStream.of(hist)).allSatisfy(h -> assertThat(h).isBetween(174, 183));
    assertThat(hist[0]).isEqualTo(178);

    float[] f = d.features();
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : f) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
    // First row of the file: 0,0,5,13,9,1,... label 0.
    assertThat(d.label(0)).isZero();
    assertThat(d.feature(0, 2)).isEqualTo(5f / 16f);
    assertThat(d.feature(0, 3)).isEqualTo(13f / 16f);
  }

  @Test
  void licenceNoteShipsNextToTheData() {
    assertThat(DigitsLoader.class.getResource("/io/cocogen/fl/data/DIGITS-LICENSE.txt")).isNotNull();
  }
}
