package io.cocogen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input through the Java API is an {@link InvalidModelException} naming the field and the value. */
class ModelValidationTest {

  static Organization.Builder org(String id) {
    return Organization.builder(id).realSamples(1000).skew(0.2).quality(0.8).unitCost(1e-4).capacity(5000)
        .marketValue(100);
  }

  static List<Organization> three() {
    return List.of(org("a").build(), org("b").build(), org("c").build());
  }

  static RoundGame.Builder game() {
    return RoundGame.builder().organizations(three());
  }

  /** Asserts the exception, its field, its value (when given) and that the message shows both. */
  static InvalidModelException expect(Executable action, String field, String value, String problem) {
    InvalidModelException e = catchThrowableOfType(InvalidModelException.class, action::execute);
    assertThat(e).as("an InvalidModelException for %s", field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field).contains(problem);
    if (value != null) {
      assertThat(e.value()).isEqualTo(value);
      assertThat(e.getMessage()).startsWith(field + " = " + value + ": ");
    }
    return e;
  }

  @Test
  void organizationFields() {
    expect(() -> org("a").realSamples(0).build(), "organizations[a].realSamples", "0.0", "must be > 0");
    expect(() -> org("a").realSamples(-5).build(), "organizations[a].realSamples", "-5.0", "must be > 0");
    expect(() -> org("a").realSamples(Double.NaN).build(), "organizations[a].realSamples", "NaN", "finite");
    expect(() -> org("a").quality(1.5).build(), "organizations[a].quality", "1.5", "must be in (0.0, 1.0]");
    expect(() -> org("a").quality(0).build(), "organizations[a].quality", "0.0", "must be in (0.0, 1.0]");
    expect(() -> org("a").skew(1.2).build(), "organizations[a].skew", "1.2", "must be in [0.0, 1.0]");
    expect(() -> org("a").unitCost(-1e-4).build(), "organizations[a].unitCost", "-1.0E-4", "must be >= 0");
    expect(() -> org("a").unitCost(Double.POSITIVE_INFINITY).build(), "organizations[a].unitCost", "Infinity", "finite");
    expect(() -> org("a").quadraticCost(-1).build(), "organizations[a].quadraticCost", "-1.0", "must be >= 0");
    expect(() -> org("a").capacity(-1).build(), "organizations[a].capacity", "-1.0", "must be >= 0");
    expect(() -> org("a").marketValue(0).build(), "organizations[a].marketValue", "0.0", "must be > 0");
    expect(() -> org(" ").build(), "organizations.id", " ", "non-blank");
    expect(() -> org(null).build(), "organizations.id", "null", "non-blank");
  }

  @Test
  void skewAndHistogram() {
    expect(() -> org("a").labelHistogram(1, 2).build(), "organizations[a].skew", null, "got both");
    expect(() -> Organization.builder("a").realSamples(1).build(), "organizations[a].skew", null, "got neither");
    expect(() -> Organization.builder("a").realSamples(1).labelHistogram(1, -2, 3).build(),
        "organizations[a].labelHistogram[1]", "-2.0", "must be >= 0");
    expect(() -> Organization.builder("a").realSamples(1).labelHistogram(5).build(),
        "organizations[a].labelHistogram", "[5.0]", "at least 2 classes");
    expect(() -> Organization.builder("a").realSamples(1).labelHistogram(0, 0).build(),
        "organizations[a].labelHistogram", "[0.0, 0.0]", "positive total");
  }

  @Test
  void federation() {
    expect(() -> RoundGame.builder().build(), "organizations", null, "empty");
    expect(() -> RoundGame.builder().organizations(List.of(org("a").build(), org("b").build(), org("a").build())).build(),
        "organizations[2].id", "a", "duplicate id");
    expect(() -> game().targetDistribution(new double[] {0.5, 0.6}).build(), "targetDistribution", "[0.5, 0.6]",
        "must sum to 1");
    expect(() -> game().targetDistribution(new double[] {1.5, -0.5}).build(), "targetDistribution[1]", "-0.5",
        "must be >= 0");
    expect(() -> game().targetDistribution(new double[] {1}).build(), "targetDistribution", "[1.0]", "at least 2");
    expect(() -> game().budget(-1).build(), "budget", "-1.0", "must be >= 0");
    expect(() -> game().budget(Double.NaN).build(), "budget", "NaN", "finite");
  }

  @Test
  void thetaAndScalingLaw() {
    expect(() -> game().theta(1.5).build(), "competition.theta", "1.5", "must be in [0.0, 1.0]");
    expect(() -> game().theta(-0.1).build(), "competition.theta", "-0.1", "must be in [0.0, 1.0]");
    expect(() -> new CompetitionModel(Double.NaN), "competition.theta", "NaN", "finite");
    expect(() -> new ScalingLawModel(2.3, 0.2, 0, 0.3, 0.5, 0.4), "performance.scale", "0.0", "must be > 0");
    expect(() -> new ScalingLawModel(2.3, 0.2, 5, -0.3, 0.5, 0.4), "performance.exponent", "-0.3", "must be > 0");
    expect(() -> new ScalingLawModel(2.3, 0.2, 5, 0.3, -0.5, 0.4), "performance.drift", "-0.5", "must be >= 0");
    expect(() -> new ScalingLawModel(2.3, 0.2, 5, 0.3, 0.5, Double.NaN), "performance.mismatch", "NaN", "finite");
    expect(() -> new ScalingLawModel(Double.POSITIVE_INFINITY, 0.2, 5, 0.3, 0.5, 0.4), "performance.referenceLoss",
        "Infinity", "finite");
  }

  @Test
  void uniformAndSegments() {
    expect(() -> Competition.uniform(-0.3), "competition.uniform", "-0.3", "must be >= 0");
    expect(() -> Competition.segments(Map.of("a", "x"), -1, 0), "competition.segments.within", "-1.0", ">= 0");
    expect(() -> Competition.segments(Map.of("a", "x"), 0.1, Double.NaN), "competition.segments.across", "NaN", "finite");
    expect(() -> game().competition(Competition.segments(Map.of("a", "x", "b", "x", "c", "y", "zz", "y"), 0.1, 0.1))
        .build(), "competition.segments.of.zz", "zz", "unknown organization id");
    expect(() -> game().competition(Competition.segments(Map.of("a", "x", "b", "x"), 0.1, 0.1)).build(),
        "competition.segments.of", "c", "has no segment");
  }

  @Test
  void sparse() {
    expect(() -> game().competition(Competition.sparse(List.of(new Competition.Rivalry("a", "zz", 0.1)))).build(),
        "competition.sparse[0].rival", "zz", "unknown organization id");
    expect(() -> game().competition(Competition.sparse(List.of(new Competition.Rivalry("a", "b", 0.1),
        new Competition.Rivalry("qq", "b", 0.1)))).build(), "competition.sparse[1].org", "qq", "unknown organization id");
    expect(() -> game().competition(Competition.sparse(List.of(new Competition.Rivalry("b", "b", 0.1)))).build(),
        "competition.sparse[0].rival", "1", "cannot compete with itself");
    expect(() -> game().competition(Competition.sparse(List.of(new Competition.Rivalry("a", "b", 0.1),
        new Competition.Rivalry("a", "b", 0.2)))).build(), "competition.sparse", null, "duplicate entry");
    expect(() -> new Competition.Rivalry("a", "b", -0.1), "competition.sparse[a,b].gamma", "-0.1", "must be >= 0");
    expect(() -> CompetitionStructure.sparse(3, new int[] {0}, new int[] {5}, new double[] {0.1}),
        "competition.sparse[0].rival", "5", "out of range");
  }

  @Test
  void dense() {
    expect(() -> game().competition(Competition.dense(new double[][] {{0, 0.1}, {0.1, 0}})).build(),
        "competition.dense", "2", "has 2 rows but there are 3 organizations");
    expect(() -> game().competition(Competition.dense(new double[][] {{0, 0.1, 0}, {0.1, 0}, {0, 0, 0}})).build(),
        "competition.dense[1]", "2", "must be square");
    expect(() -> game().competition(Competition.dense(new double[][] {{0, -0.1, 0}, {0.1, 0, 0}, {0, 0, 0}})).build(),
        "competition.dense[0][1]", "-0.1", "must be >= 0");
    expect(() -> game().competition(Competition.dense(new double[][] {{0, 0.1, 0}, {0.1, 0.2, 0}, {0, 0, 0}})).build(),
        "competition.dense[1][1]", "0.2", "diagonal must be 0");
    expect(() -> CompetitionStructure.dense(new double[0][]), "competition.dense", null, "empty");
  }

  @Test
  void profiles() {
    RoundGame g = game().build();
    expect(() -> g.validateProfile(new double[] {0, 6000, 0}), "synthetic[b]", "6000.0", "must be in [0, capacity");
    expect(() -> g.validateProfile(new double[] {0, -1, 0}), "synthetic[b]", "-1.0", "must be in [0, capacity");
    expect(() -> g.checkProfile(new double[2]), "synthetic", "2", "length 2");
    assertThatThrownBy(() -> g.restrictTo(new int[0])).isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("members");
  }
}
