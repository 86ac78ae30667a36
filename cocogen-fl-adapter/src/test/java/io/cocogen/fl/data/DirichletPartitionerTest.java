package io.cocogen.fl.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.testkit.SeededProperty;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirichletPartitionerTest {
  private final Dataset digits = DigitsLoader.load();

  @Test
  void sameSeedGivesIdenticalPartitionOtherSeedDoesNot() {
    DirichletPartitioner p = new DirichletPartitioner(8, 0.5, 5);
    int[][] a = p.assign(digits, 11);
    int[][] b = p.assign(digits, 11);
    int[][] c = p.assign(digits, 12);
    assertThat(a).isDeepEqualTo(b);
    assertThat(Arrays.deepEquals(a, c)).isFalse();
    List<Dataset> parts = p.partition(digits, 11);
    for (int o = 0; o < 8; o++) {
      assertThat(parts.get(o).features()).isEqualTo(digits.subset(a[o]).features());
    }
  }

  @Test
  void skewGrowsAsAlphaShrinks() {
    double iid = meanTvToUniform(new DirichletPartitioner(5, 100, 10).partition(digits, 3));
    double mid = meanTvToUniform(new DirichletPartitioner(5, 1, 10).partition(digits, 3));
    double skewed = meanTvToUniform(new DirichletPartitioner(5, 0.1, 10).partition(digits, 3));
    // alpha = 100: proportions within a few percent of 1/5 per class, so label mixes stay near uniform.
    assertThat(iid).isLessThan(0.08);
    assertThat(skewed).isGreaterThan(0.4);
    assertThat(iid).isLessThan(mid);
    assertThat(mid).isLessThan(skewed);
  }

  @Test
  void minimumIsGuaranteedEvenWhenDrawsKeepMissingIt() {
    // alpha = 0.01 over 20 organizations leaves most of them empty in almost every draw, so the
    // fallback that moves rows has to do the work.
    int[][] a = new DirichletPartitioner(20, 0.01, 30).assign(digits, 5);
    assertThat(Arrays.stream(a)).allSatisfy(rows -> assertThat(rows.length).isGreaterThanOrEqualTo(30));
    assertCoversExactlyOnce(a, digits.size());
    assertThatThrownBy(() -> new DirichletPartitioner(20, 1, 100).assign(digits, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSamples = 100");
  }

  @Test
  void propertyEveryRowOnceMinimumHeldDeterministic() {
    SeededProperty.forAll("dirichlet partition", 20240601L, 40, (rng, seed) -> {
      int n = 1 + rng.nextInt(12);
      double alpha = SeededProperty.logUniform(rng, 0.05, 200);
      int min = rng.nextInt(1 + digits.size() / (2 * n));
      DirichletPartitioner p = new DirichletPartitioner(n, alpha, min);
      int[][] a = p.assign(digits, seed);
      assertThat(a.length).isEqualTo(n);
      assertCoversExactlyOnce(a, digits.size());
      for (int[] rows : a) {
        assertThat(rows.length).isGreaterThanOrEqualTo(min);
        for (int i = 1; i < rows.length; i++) {
          assertThat(rows[i]).isGreaterThan(rows[i - 1]);
        }
      }
      assertThat(p.assign(digits, seed)).isDeepEqualTo(a);
    });
  }

  @Test
  void gammaSamplerHasTheRightMoments() {
    for (double shape : new double[] {0.1, 0.5, 1.0, 3.7, 40}) {
      SplittableRandom rng = new SplittableRandom(99);
      int n = 200_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double g = DirichletPartitioner.sampleGamma(shape, rng);
        assertThat(g).isGreaterThanOrEqualTo(0);
        sum += g;
        sumSq += g * g;
      }
      double mean = sum / n;
      double var = sumSq / n - mean * mean;
      // Gamma(k, 1): mean k, variance k. Standard error of the mean is sqrt(k / n).
      assertThat(mean).as("mean for shape %s", shape).isCloseTo(shape, within(5 * Math.sqrt(shape / n)));
      assertThat(var / shape).as("variance ratio for shape %s", shape).isCloseTo(1.0, within(shape < 0.3 ? 0.12 : 0.05));
    }
  }

  @Test
  void dirichletDrawsAreProbabilityVectorsEvenForTinyAlpha() {
    SplittableRandom rng = new SplittableRandom(1);
    for (double alpha : new double[] {1e-3, 0.1, 1, 100}) {
      double[] p = DirichletPartitioner.sampleDirichlet(alpha, 7, rng);
      assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(Arrays.stream(p)).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }
    assertThatThrownBy(() -> new DirichletPartitioner(3, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha = 0.0");
    assertThatThrownBy(() -> DirichletPartitioner.sampleGamma(-1, rng))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape = -1.0");
  }

  static double meanTvToUniform(List<Dataset> parts) {
    double total = 0;
    for (Dataset d : parts) {
      double[] p = d.labelDistribution();
      double tv = 0;
      for (double v : p) {
        tv += Math.abs(v - 1.0 / p.length);
      }
      total += tv / 2;
    }
    return total / parts.size();
  }

  private static void assertCoversExactlyOnce(int[][] a, int n) {
    int[] seen = new int[n];
    for (int[] rows : a) {
      for (int i : rows) {
        seen[i]++;
      }
    }
    assertThat(seen).containsOnly(1);
  }
}
