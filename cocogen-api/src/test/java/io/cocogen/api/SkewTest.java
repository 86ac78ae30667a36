package io.cocogen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Label skew from histograms (MODEL.md §1): total variation to the target distribution. */
class SkewTest {
  static final double[] HISTOGRAM = {30, 10, 0, 60};

  @Test
  void totalVariationAgainstUniformIsHandComputed() {
    // p = (0.3, 0.1, 0, 0.6) vs 0.25 each: ½(0.05 + 0.15 + 0.25 + 0.35) = 0.4.
    assertThat(Organization.totalVariation(HISTOGRAM, new double[] {0.25, 0.25, 0.25, 0.25})).isCloseTo(0.4, within(1e-15));
    Organization o = Organization.builder("a").realSamples(100).labelHistogram(HISTOGRAM).build();
    RoundGame game = RoundGame.builder().organization(o).build();
    assertThat(game.federation().skew()[0]).isCloseTo(0.4, within(1e-15));
  }

  @Test
  void targetDistributionIsRespected() {
    // vs (0.5, 0.2, 0.2, 0.1): ½(0.2 + 0.1 + 0.2 + 0.5) = 0.5.
    double[] target = {0.5, 0.2, 0.2, 0.1};
    Organization a = Organization.builder("a").realSamples(100).labelHistogram(HISTOGRAM).build();
    Organization matching = Organization.builder("b").realSamples(100).labelHistogram(50, 20, 20, 10).build();
    Organization given = Organization.builder("c").realSamples(100).skew(0.123).build();
    RoundGame game = RoundGame.builder().organizations(List.of(a, matching, given)).targetDistribution(target).build();
    assertThat(game.federation().skew()[0]).isCloseTo(0.5, within(1e-15));
    assertThat(game.federation().skew()[1]).isCloseTo(0.0, within(1e-15));
    assertThat(game.federation().skew()[2]).isEqualTo(0.123);
    assertThat(game.federation().targetDistribution()).containsExactly(target);
    // Without the target the matching histogram is skewed against the uniform distribution.
    RoundGame uniform = RoundGame.builder().organizations(List.of(a, matching, given)).build();
    assertThat(uniform.federation().skew()[1]).isCloseTo(0.5 * (0.25 + 0.05 + 0.05 + 0.15), within(1e-15));
    // The default scaling law takes L_ref = ln K from the class count.
    assertThat(((ScalingLawModel) game.performanceModel()).referenceLoss()).isEqualTo(Math.log(4));
  }

  @Test
  void disjointSupportIsMaximalSkew() {
    assertThat(Organization.totalVariation(new double[] {0, 0, 7}, new double[] {0.5, 0.5, 0})).isEqualTo(1.0);
    assertThat(Organization.totalVariation(new double[] {2, 2}, new double[] {0.5, 0.5})).isEqualTo(0.0);
  }

  @Test
  void histogramClassCountsMustAgree() {
    Organization four = Organization.builder("four").realSamples(100).labelHistogram(HISTOGRAM).build();
    Organization three = Organization.builder("three").realSamples(100).labelHistogram(1, 2, 3).build();
    assertThatThrownBy(() -> RoundGame.builder().organization(four).targetDistribution(new double[] {0.5, 0.5}).build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("organizations[four].labelHistogram")
        .hasMessageContaining("4 classes but the target distribution has 2");
    assertThatThrownBy(() -> RoundGame.builder().organizations(List.of(four, three)).build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("organizations[three].labelHistogram = [1.0, 2.0, 3.0]")
        .hasMessageContaining("3 classes");
  }
}
