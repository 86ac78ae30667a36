package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.cocogen.api.RoundGame;
import io.cocogen.incentive.SharingRule;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.WelfareOptimum;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SolutionJsonTest {
  /** Strict: duplicate keys fail, and NaN/Infinity tokens are rejected by default. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static Analysis demo;

  @BeforeAll
  static void solveDemo() {
    demo = Analysis.run(Scenarios.demo(), SolverOptions.DEFAULT, SharingRule.CONTRIBUTION_AND_DEGRADATION,
        g -> null, Progress.silent());
  }

  private static JsonNode parse(String text) throws Exception {
    return STRICT.readTree(text);
  }

  private static List<String> keys(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void documentHasTheSchemaAndEverySection() throws Exception {
    JsonNode root = parse(SolutionJson.encode(demo));
    assertThat(root.get("schema").asText()).isEqualTo("cocogen.solution/v1");
    assertThat(keys(root)).containsSubsequence("schema", "structure", "nash", "optimum", "efficiency",
        "priceOfAnarchy", "baselines", "redistribution");
    assertThat(keys(root.get("baselines"))).containsExactly("VCFL", "RaDG", "WCO");
    assertThat(root.get("structure").get("potentialGame").asBoolean()).isTrue();
    assertThat(root.get("nash").get("state").asText()).isEqualTo("OPTIMAL");
    assertThat(root.get("redistribution").get("rule").asText()).isEqualTo("CONTRIBUTION_AND_DEGRADATION");
  }

  @Test
  void organizationsAreKeyedByIdInFederationOrder() throws Exception {
    JsonNode root = parse(SolutionJson.encode(demo));
    List<String> ids = List.of(demo.game().federation().ids());
    assertThat(keys(root.get("structure").get("weights"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("nash").get("synthetic"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("optimum").get("utilities"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("baselines").get("WCO").get("synthetic"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("redistribution").get("transfers"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("redistribution").get("outsideOptions"))).containsExactlyElementsOf(ids);
  }

  @Test
  void numbersRoundTripBitForBit() throws Exception {
    JsonNode root = parse(SolutionJson.encode(demo));
    String[] ids = demo.game().federation().ids();
    for (int i = 0; i < ids.length; i++) {
      assertThat(root.get("nash").get("synthetic").get(ids[i]).doubleValue())
          .isEqualTo(demo.nash().synthetic()[i]);
      assertThat(root.get("optimum").get("utilities").get(ids[i]).doubleValue())
          .isEqualTo(demo.optimum().utilities()[i]);
      assertThat(root.get("redistribution").get("fees").get(ids[i]).doubleValue())
          .isEqualTo(demo.redistribution().fees()[i]);
      assertThat(root.get("structure").get("weights").get(ids[i]).doubleValue())
          .isEqualTo(demo.game().commonStakes()[i]);
      double paid = demo.redistribution().subsidies()[i] * demo.redistribution().plan()[i];
      assertThat(root.get("redistribution").get("subsidies").get(ids[i]).doubleValue()).isEqualTo(paid);
    }
    assertThat(root.get("nash").get("welfare").doubleValue()).isEqualTo(demo.nash().welfare());
    assertThat(root.get("efficiency").doubleValue()).isEqualTo(demo.nash().welfare() / demo.optimum().welfare());
  }

  @Test
  void transfersAreSubsidiesMinusFeesAndBalance() throws Exception {
    JsonNode r = parse(SolutionJson.encode(demo)).get("redistribution");
    double sum = 0;
    for (String id : demo.game().federation().ids()) {
      double t = r.get("transfers").get(id).doubleValue();
      assertThat(t).isCloseTo(r.get("subsidies").get(id).doubleValue() - r.get("fees").get(id).doubleValue(),
          org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(t))));
      sum += t;
    }
    assertThat(Math.abs(sum)).isLessThan(1e-8);
    assertThat(r.get("budgetImbalance").doubleValue()).isLessThan(1e-8);
  }

  @Test
  void nonFiniteValuesAreWrittenAsNullNeverAsBareTokens() throws Exception {
    Equilibrium ne = demo.nash();
    // An equilibrium with negative welfare, no potential and an infinite regret: every special value at once.
    Equilibrium odd = new Equilibrium(ne.state(), ne.method(), ne.ids(), ne.synthetic(), ne.utilities(), -5.0,
        Double.NaN, new io.cocogen.solver.Certificate(Double.POSITIVE_INFINITY, Double.NaN, 0,
            ne.certificate().regrets(), ne.certificate().bestResponses(), false), ne.iterations(),
        ne.evaluations(), ne.shadowPrices(), ne.budgetPrice(), ne.competitionDominated(), ne.message());
    WelfareOptimum so = demo.optimum();
    WelfareOptimum negative = new WelfareOptimum(so.state(), so.ids(), so.synthetic(), so.utilities(), -1.0,
        Double.NEGATIVE_INFINITY, Double.NaN, so.concave(), so.certificate(), so.iterations(), so.evaluations(),
        so.budgetPrice(), so.shadowPrices(), so.message());
    Analysis a = new Analysis(demo.game(), demo.options(), odd, negative, demo.baselines(), demo.redistribution(),
        null, null);
    String text = SolutionJson.encode(a);
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
    JsonNode root = parse(text);
    assertThat(root.get("priceOfAnarchy").isNull()).isTrue();
    assertThat(root.get("efficiency").isNull()).isTrue();
    assertThat(root.get("nash").get("potential").isNull()).isTrue();
    assertThat(root.get("nash").get("maxRegret").isNull()).isTrue();
    assertThat(root.get("nash").get("relativeRegret").isNull()).isTrue();
    assertThat(root.get("optimum").get("upperBound").isNull()).isTrue();
    assertThat(root.get("nash").get("welfare").doubleValue()).isEqualTo(-5.0);
  }

  @Test
  void aMissingRedistributionIsNullWithTheReason() throws Exception {
    Analysis a = new Analysis(demo.game(), demo.options(), demo.nash(), demo.optimum(), demo.baselines(), null,
        "no redistribution: equilibrium FAILED, optimum OPTIMAL", null);
    JsonNode root = parse(SolutionJson.encode(a));
    assertThat(root.get("redistribution").isNull()).isTrue();
    assertThat(root.get("redistributionError").asText()).contains("FAILED");
  }

  @Test
  void budgetWithoutLimitIsNullAndAFiniteBudgetIsItsValue() throws Exception {
    assertThat(parse(SolutionJson.encode(demo)).get("structure").get("budget").isNull()).isTrue();
    RoundGame withBudget = demo.game().toBuilder().budget(12345.5).build();
    Analysis a = Analysis.run(withBudget, SolverOptions.DEFAULT, SharingRule.EQUAL, g -> null, Progress.silent());
    JsonNode root = parse(SolutionJson.encode(a));
    assertThat(root.get("structure").get("budget").doubleValue()).isEqualTo(12345.5);
    assertThat(root.get("redistribution").get("rule").asText()).isEqualTo("EQUAL");
    double total = 0;
    for (JsonNode v : root.get("nash").get("synthetic")) {
      total += v.doubleValue();
    }
    assertThat(total).isLessThanOrEqualTo(12345.5 * (1 + 1e-9));
  }
}
