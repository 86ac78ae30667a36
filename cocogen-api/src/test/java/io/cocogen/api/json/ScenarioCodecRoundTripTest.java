package io.cocogen.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.BruteForce;
import io.cocogen.api.BoundPerformance;
import io.cocogen.api.Competition;
import io.cocogen.api.CostModel;
import io.cocogen.api.Federation;
import io.cocogen.api.Organization;
import io.cocogen.api.PerformanceModel;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.SyntheticFederations.Spec;
import io.cocogen.testkit.SeededProperty;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read(write(game))} is the same game, for every competition kind and organization form. */
class ScenarioCodecRoundTripTest {
  static final ScenarioCodec CODEC = new ScenarioCodec();

  /** Same parts, bit for bit; then the derived stakes agree exactly too. */
  static void assertSameGame(RoundGame actual, RoundGame expected) {
    assertThat(actual.federation().organizations()).isEqualTo(expected.federation().organizations());
    assertThat(actual.competition()).isEqualTo(expected.competition());
    assertThat(actual.theta()).isEqualTo(expected.theta());
    assertThat(actual.performanceModel()).isEqualTo(expected.performanceModel());
    assertThat(actual.costModel()).isEqualTo(expected.costModel());
    assertThat(actual.federation().targetDistribution()).isEqualTo(expected.federation().targetDistribution());
    assertThat(actual.budget()).isEqualTo(expected.budget());
    assertThat(BruteForce.dense(actual.competitionStructure()))
        .isDeepEqualTo(BruteForce.dense(expected.competitionStructure()));
    assertThat(actual.commonStakes()).containsExactly(expected.commonStakes());
    assertThat(actual.federation().skew()).containsExactly(expected.federation().skew());
  }

  static RoundGame roundTrip(RoundGame game) {
    String text = CODEC.write(game);
    RoundGame back = CODEC.read(text);
    assertThat(CODEC.write(back)).as("writing is deterministic").isEqualTo(text);
    return back;
  }

  @Test
  void syntheticGamesOfEveryKindRoundTrip() {
    for (Kind kind : Kind.values()) {
      SeededProperty.forAll("round trip " + kind, 0xc0de_0001L + kind.ordinal(), 25, (r, seed) -> {
        Spec spec = Spec.of(1 + r.nextInt(25), kind, r.nextDouble(), r.nextBoolean() ? 0 : r.nextDouble());
        RoundGame game = SyntheticFederations.game(r, r.nextBoolean() ? spec : spec.withBudget(r.nextDouble()));
        assertSameGame(roundTrip(game), game);
      });
    }
  }

  @Test
  void histogramAndSkewOrganizationsWithAndWithoutTargetAndBudget() {
    SeededProperty.forAll("round trip, histograms", 0xc0de_0002L, 60, (r, seed) -> {
      int classes = 2 + r.nextInt(10);
      List<Organization> orgs = new ArrayList<>();
      int n = 1 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        Organization.Builder b = Organization.builder("org-" + i + "\u00e9\"q").realSamples(r.nextDouble() * 1e5 + 1)
            .quality(r.nextDouble() * 0.999 + 0.001).unitCost(r.nextDouble() * 1e-3)
            .quadraticCost(r.nextBoolean() ? 0 : r.nextDouble() * 1e-8).capacity(r.nextInt(3) == 0 ? 0 : r.nextDouble() * 1e5)
            .marketValue(Math.ulp(1.0) + r.nextDouble() * 1e3);
        if (r.nextBoolean()) {
          double[] h = new double[classes];
          for (int k = 0; k < classes; k++) {
            h[k] = r.nextBoolean() ? r.nextInt(5000) : r.nextDouble() * 5000;
          }
          h[0] += 1;
          b.labelHistogram(h);
        } else {
          b.skew(r.nextDouble());
        }
        orgs.add(b.build());
      }
      RoundGame.Builder builder = RoundGame.builder().organizations(orgs).theta(r.nextDouble())
          .competition(Competition.uniform(r.nextDouble()));
      if (r.nextBoolean()) {
        double[] t = new double[classes];
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          t[k] = r.nextDouble();
          sum += t[k];
        }
        for (int k = 0; k < classes; k++) {
          t[k] /= sum;
        }
        builder.targetDistribution(t);
      }
      if (r.nextBoolean()) {
        builder.budget(r.nextDouble() * 1e5);
      }
      if (r.nextBoolean()) {
        builder.performance(new ScalingLawModel(r.nextGaussian(), r.nextDouble(), 1 + r.nextDouble(), r.nextDouble() + 1e-3,
            r.nextDouble(), r.nextDouble()));
      }
      RoundGame game = builder.build();
      assertSameGame(roundTrip(game), game);
    });
  }

  @Test
  void everyCompetitionKindByHand() {
    List<Organization> orgs = List.of(org("a"), org("b"), org("c"));
    Map<String, String> segments = new LinkedHashMap<>();
    segments.put("a", "retail");
    segments.put("b", "retail");
    segments.put("c", "insurance");
    List<Competition> kinds = List.of(Competition.none(), Competition.uniform(0.3),
        Competition.segments(segments, 0.3, 0.05),
        Competition.sparse(List.of(new Competition.Rivalry("a", "b", 0.1), new Competition.Rivalry("c", "a", 0.25))),
        Competition.sparse(List.of()),
        Competition.dense(new double[][] {{0, 0.1, 0.2}, {0.3, 0, 0}, {1.0 / 3, 0.05, 0}}));
    for (Competition c : kinds) {
      for (double theta : new double[] {0, 1, 0.25}) {
        RoundGame game = RoundGame.builder().organizations(orgs).competition(c).theta(theta).build();
        RoundGame back = roundTrip(game);
        assertSameGame(back, game);
        assertThat(back.competition().kind()).isEqualTo(c.kind());
      }
    }
    String written = CODEC.write(RoundGame.builder().organizations(orgs).competition(Competition.segments(segments, 0.3, 0.05))
        .build());
    assertThat(written).contains("\"segments\": {").contains("\"retail\"").contains("\"realSamples\": 6000,")
        .contains("\"theta\": 0,").doesNotContain("6000.0");
  }

  @Test
  void gamesBuiltByIndexAreWrittenDense() {
    RoundGame byIndex = SyntheticFederations.large(11, 40, Kind.SEGMENTS, 0.5, 0.5);
    assertThat(byIndex.competition()).isNull();
    RoundGame back = CODEC.read(CODEC.write(byIndex));
    assertThat(back.competition()).isInstanceOf(Competition.Dense.class);
    assertThat(BruteForce.dense(back.competitionStructure())).isDeepEqualTo(BruteForce.dense(byIndex.competitionStructure()));
    assertThat(back.federation().organizations()).isEqualTo(byIndex.federation().organizations());
    // Same γ, but the dense sums add in another order than the segment formula: equal up to rounding.
    for (int i = 0; i < byIndex.size(); i++) {
      assertThat(back.commonStakes()[i]).isCloseTo(byIndex.commonStakes()[i],
          org.assertj.core.data.Offset.offset(1e-12 * byIndex.privateStakes()[i]));
    }

    RoundGame coalition = SyntheticFederations.game(new java.util.SplittableRandom(5), Spec.of(12, Kind.SPARSE, 0.5, 1))
        .restrictTo(new int[] {7, 2, 9});
    RoundGame coalitionBack = CODEC.read(CODEC.write(coalition));
    assertThat(BruteForce.dense(coalitionBack.competitionStructure()))
        .isDeepEqualTo(BruteForce.dense(coalition.competitionStructure()));

    RoundGame huge = SyntheticFederations.large(1, ScenarioCodec.MAX_DENSE_WRITE + 1, Kind.UNIFORM, 0.3, 0);
    assertThatThrownBy(() -> CODEC.write(huge)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2001 organizations").hasMessageContaining("dense");
  }

  @Test
  void modelsTheSchemaCannotExpressAreRefused() {
    RoundGame plain = RoundGame.builder().organization(org("a")).build();
    PerformanceModel custom = new PerformanceModel() {
      @Override public String name() { return "mlp-curve"; }
      @Override public BoundPerformance bind(Federation f) { return ScalingLawModel.defaults(10).bind(f); }
    };
    assertThatThrownBy(() -> CODEC.write(plain.toBuilder().performance(custom).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mlp-curve").hasMessageContaining("scaling-law");
    CostModel linear = new CostModel() {
      @Override public String name() { return "tiered"; }
      @Override public BoundCost bind(Federation f) { return QuadraticCost.INSTANCE.bind(f); }
    };
    assertThatThrownBy(() -> CODEC.write(plain.toBuilder().cost(linear).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tiered");
  }

  @Test
  void defaultsApplyToOmittedFields() {
    RoundGame game = CODEC.read("""
        {"schema": "cocogen.scenario/v1",
         "competition": {},
         "organizations": [{"id": "a", "realSamples": 100, "labelHistogram": [1, 2, 3, 4, 5],
                            "unitCost": 0, "capacity": 10, "marketValue": 1}]}
        """);
    Organization a = game.federation().organizations().get(0);
    assertThat(a.quality()).isEqualTo(1.0);
    assertThat(a.quadraticCost()).isEqualTo(0.0);
    assertThat(game.theta()).isEqualTo(0.0);
    assertThat(game.competition()).isEqualTo(Competition.none());
    assertThat(game.hasBudget()).isFalse();
    assertThat(game.federation().targetDistribution()).isNull();
    assertThat(game.performanceModel()).isEqualTo(ScalingLawModel.defaults(5));

    RoundGame partial = CODEC.read("""
        {"schema": "cocogen.scenario/v1", "competition": {"theta": 1, "none": true},
         "performance": {"exponent": 0.35},
         "organizations": [{"id": "a", "realSamples": 100, "skew": 0.5, "unitCost": 0, "capacity": 10, "marketValue": 1}],
         "targetDistribution": [0.25, 0.25, 0.5]}
        """);
    ScalingLawModel d = ScalingLawModel.defaults(3);
    assertThat(partial.performanceModel()).isEqualTo(
        new ScalingLawModel(d.referenceLoss(), d.lossFloor(), d.scale(), 0.35, d.drift(), d.mismatch()));
    assertThat(partial.theta()).isEqualTo(1.0);
    assertThat(CODEC.read("""
        {"schema": "cocogen.scenario/v1", "competition": {"uniform": 0.3}, "description": "notes are allowed",
         "organizations": [{"id": "a", "realSamples": 100, "skew": 0.5, "unitCost": 0, "capacity": 10, "marketValue": 1}]}
        """).performanceModel()).as("10 classes when nothing says otherwise").isEqualTo(ScalingLawModel.defaults(10));
  }

  @Test
  void filesAndStreams(@TempDir Path dir) throws Exception {
    RoundGame game = SyntheticFederations.game(new java.util.SplittableRandom(9), Spec.of(6, Kind.DENSE, 0.4, 1).withBudget(0.3));
    Path file = dir.resolve("scenario.json");
    CODEC.write(game, file);
    assertSameGame(CODEC.read(file), game);
    assertThat(Files.readString(file)).endsWith("}\n");

    byte[] bytes = CODEC.write(game).getBytes(StandardCharsets.UTF_8);
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(bytes) {
      @Override public void close() {
        closed[0] = true;
      }
    };
    assertSameGame(CODEC.read(in), game);
    assertThat(closed[0]).as("the caller's stream stays open").isFalse();

    assertThatThrownBy(() -> CODEC.read(dir.resolve("missing.json"))).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void awkwardDoublesSurviveExactly() {
    double[] values = {0.1 + 0.2, 1.0 / 3, Math.PI * 1e-7, Double.MIN_VALUE, 1e-300, 123456789.123456789, 4.9e15 + 1,
        Math.nextUp(1.0), 9007199254740993.0};
    RandomGenerator r = new java.util.SplittableRandom(1);
    for (double v : values) {
      Organization o = Organization.builder("x").realSamples(v).skew(Math.min(1, v)).quality(Math.min(1, v))
          .unitCost(v).quadraticCost(v).capacity(v).marketValue(v).build();
      RoundGame game = RoundGame.builder().organization(o).budget(v).theta(Math.min(1, v * r.nextDouble())).build();
      assertSameGame(roundTrip(game), game);
    }
  }

  static Organization org(String id) {
    return Organization.builder(id).realSamples(6000).skew(0.35).quality(0.8).unitCost(1e-6).capacity(20000)
        .marketValue(100).build();
  }
}
