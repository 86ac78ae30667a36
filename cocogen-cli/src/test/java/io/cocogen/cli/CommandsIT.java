package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every subcommand on valid input, through the packaged jar in a separate JVM. */
class CommandsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> keys(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** Organization ids of a scenario, in file order. */
  private static List<String> ids(Path scenario) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode o : JSON.readTree(scenario.toFile()).get("organizations")) {
      ids.add(o.get("id").asText());
    }
    return ids;
  }

  @Test
  void demoPrintsTheTablesInSeconds() throws Exception {
    Cli.Result r = Cli.run("demo");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("Organizations", "Synthetic samples and utilities", "CoCoGen+ redistribution",
        "Welfare by strategy", "Certificates", "price of anarchy", "budget imbalance");
    for (String id : List.of("st-marys", "city-general", "northgate-clinic", "riverside", "lakeside-childrens",
        "bayview-oncology")) {
      assertThat(r.stdout()).contains(id);
    }
    for (String strategy : List.of("VCFL", "RaDG", "WCO", "NE (CoCoGen)", "CoCoGen+ (SO)")) {
      assertThat(r.stdout()).contains(strategy);
    }
    assertThat(r.stdout()).doesNotContain("APPROXIMATE", "FAILED", "NaN");
    // stderr is not a terminal here: no progress bar, nothing at all on stderr.
    assertThat(r.stderr()).isEmpty();
    assertThat(r.millis()).isLessThan(20_000);
  }

  @Test
  void demoJsonIsASolutionWithAnInteriorEquilibriumForMost() throws Exception {
    Cli.Result r = Cli.run("demo", "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.stdout());
    assertThat(root.get("schema").asText()).isEqualTo("cocogen.solution/v1");
    JsonNode s = root.get("nash").get("synthetic");
    int interior = 0;
    for (JsonNode v : s) {
      if (v.doubleValue() > 1) {
        interior++;
      }
    }
    assertThat(interior).isGreaterThanOrEqualTo(4);
    assertThat(root.get("redistribution").get("participationViolations")).isEmpty();
    assertThat(root.get("efficiency").doubleValue()).isBetween(0.5, 1.0);
  }

  @Test
  void demoScenarioIsAValidScenarioThatSolveAccepts(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("demo", "--scenario");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path file = dir.resolve("demo.json");
    Files.writeString(file, r.stdout());
    assertThat(JSON.readTree(r.stdout()).get("schema").asText()).isEqualTo("cocogen.scenario/v1");
    Cli.Result solved = Cli.run("solve", file.toString());
    assertThat(solved.exitCode()).as(solved.toString()).isZero();
    assertThat(ids(file)).hasSize(6);
  }

  /** Every example of {@code docs/examples} and this module's own scenarios. */
  static List<Path> scenarios() throws Exception {
    List<Path> all = new ArrayList<>();
    try (var files = Files.list(Cli.examples())) {
      files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(all::add);
    }
    assertThat(all).as("docs/examples has scenarios").isNotEmpty();
    all.add(Cli.resource("retailers.json"));
    all.add(Cli.resource("banks.json"));
    return all;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void solveWritesASolutionKeyedByIdForEachExample(Path scenario) throws Exception {
    Cli.Result r = Cli.run("solve", scenario.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).doesNotContain("NaN", "Infinity");
    JsonNode root = JSON.readTree(r.stdout());
    assertThat(root.get("schema").asText()).isEqualTo("cocogen.solution/v1");
    List<String> ids = ids(scenario);
    assertThat(keys(root.get("nash").get("synthetic"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("optimum").get("synthetic"))).containsExactlyElementsOf(ids);
    assertThat(keys(root.get("baselines"))).containsExactly("VCFL", "RaDG", "WCO");
    assertThat(root.get("nash").get("state").asText()).isIn("OPTIMAL", "APPROXIMATE");
    assertThat(root.get("optimum").get("welfare").doubleValue())
        .isGreaterThanOrEqualTo(root.get("nash").get("welfare").doubleValue() - 1e-6);
    JsonNode red = root.get("redistribution");
    assertThat(keys(red.get("transfers"))).containsExactlyElementsOf(ids);
    assertThat(red.get("budgetImbalance").doubleValue()).isLessThan(1e-6);
    double sum = 0;
    for (JsonNode t : red.get("transfers")) {
      sum += t.doubleValue();
    }
    assertThat(Math.abs(sum)).isLessThan(1e-6);
    for (String id : ids) {
      assertThat(red.get("payoffs").get(id).doubleValue())
          .isGreaterThanOrEqualTo(root.get("nash").get("utilities").get(id).doubleValue() - 1e-6);
    }
  }

  @Test
  void solveTableAndRulesAndTolerance() throws Exception {
    Path scenario = Cli.resource("retailers.json");
    Cli.Result table = Cli.run("solve", scenario.toString(), "--format", "table");
    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.stdout()).contains("Welfare by strategy", "r1", "r8", "CoCoGen+ redistribution");

    Cli.Result equal = Cli.run("solve", scenario.toString(), "--rule", "equal", "--tolerance", "1e-6");
    assertThat(equal.exitCode()).as(equal.toString()).isZero();
    JsonNode red = JSON.readTree(equal.stdout()).get("redistribution");
    assertThat(red.get("rule").asText()).isEqualTo("EQUAL");
    for (JsonNode share : red.get("shares")) {
      assertThat(share.doubleValue()).isCloseTo(1.0 / 8, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void solveReadsStdin() throws Exception {
    Path scenario = Cli.resource("banks.json");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Cli.jar().toAbsolutePath().toString(), "solve", "-");
    pb.redirectInput(scenario.toFile());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(keys(JSON.readTree(out).get("nash").get("synthetic"))).containsExactlyElementsOf(ids(scenario));
  }

  @Test
  void sweepWritesCsvAndBothPlots(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report");
    Cli.Result r = Cli.run("sweep", Cli.resource("retailers.json").toString(), "--param", "gammaBar",
        "--values", "0,0.2,0.4,0.6", "--out", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).isEmpty();
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0)).startsWith("gammaBar,nash_state,nash_welfare,optimum_welfare");
    assertThat(csv.get(1)).startsWith("0.0,");
    assertThat(csv.get(4)).startsWith("0.6,");
    byte[] png = Files.readAllBytes(out.resolve("sweep.png"));
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(png.length).isGreaterThan(10_000);
    String svg = Files.readString(out.resolve("sweep.svg"));
    assertThat(svg).contains("<svg").contains("</svg>");
    assertThat(r.stderr()).contains("sweep.png", "sweep.svg");
  }

  @Test
  void sweepPrintsCsvOnStdoutAndPlotsIntoTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Path scenario = Cli.resource("banks.json").toAbsolutePath();
    Cli.Result r = Cli.runIn(dir, 120, "sweep", scenario.toString(), "--param", "theta", "--values", "0:1:3",
        "--quiet");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.stdout().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("theta,");
    assertThat(lines.get(2)).startsWith("0.5,OPTIMAL,");
    assertThat(dir.resolve("sweep.png")).isRegularFile();
    assertThat(dir.resolve("sweep.svg")).isRegularFile();
    assertThat(r.stderr()).isEmpty();

    Path empty = Files.createDirectory(dir.resolve("none"));
    Cli.Result noPlot = Cli.runIn(empty, 120, "sweep", scenario.toString(), "--param", "costScale", "--values",
        "1,2", "--no-plot");
    assertThat(noPlot.exitCode()).as(noPlot.toString()).isZero();
    assertThat(noPlot.stdout().lines().count()).isEqualTo(3);
    try (var files = Files.list(empty)) {
      assertThat(files.count()).isZero();
    }
  }

  @Test
  void solveWithTheShapleyRuleSharesByShapleyValues() throws Exception {
    Path scenario = Cli.resource("retailers.json");
    Cli.Result r = Cli.run("solve", scenario.toString(), "--rule", "shapley");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode red = JSON.readTree(r.stdout()).get("redistribution");
    assertThat(red.get("rule").asText()).isEqualTo("SHAPLEY");
    List<String> ids = ids(scenario);
    assertThat(keys(red.get("shapley"))).containsExactlyElementsOf(ids);
    double positive = 0;
    for (JsonNode phi : red.get("shapley")) {
      positive += Math.max(0, phi.doubleValue());
    }
    for (String id : ids) {
      double expected = Math.max(0, red.get("shapley").get(id).doubleValue()) / positive;
      assertThat(red.get("shares").get(id).doubleValue())
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    Cli.Result exact = Cli.run("shapley", scenario.toString(), "--exact");
    JsonNode values = JSON.readTree(exact.stdout()).get("values");
    for (String id : ids) {
      assertThat(red.get("shapley").get(id).doubleValue()).isEqualTo(values.get(id).doubleValue());
    }
  }

  @Test
  void shapleyExactIsEfficient() throws Exception {
    Path scenario = Cli.resource("retailers.json");
    Cli.Result r = Cli.run("shapley", scenario.toString(), "--exact", "--game", "so");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.stdout());
    assertThat(root.get("schema").asText()).isEqualTo("cocogen.shapley/v1");
    assertThat(root.get("method").asText()).isEqualTo("exact");
    assertThat(root.get("valueFunction").asText()).isEqualTo("OPTIMUM");
    assertThat(root.get("coalitions").asLong()).isEqualTo(256);
    assertThat(root.get("certified").asBoolean()).isTrue();
    assertThat(keys(root.get("values"))).containsExactlyElementsOf(ids(scenario));
    double sum = 0;
    for (JsonNode v : root.get("values")) {
      sum += v.doubleValue();
    }
    double grand = root.get("grandCoalition").doubleValue();
    assertThat(sum).isCloseTo(grand, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(grand))));
  }

  @Test
  void shapleyMonteCarloHasStandardErrorsIntervalsAndIsReproducible() throws Exception {
    Path scenario = Cli.resource("retailers.json");
    Cli.Result r = Cli.run("shapley", scenario.toString(), "--samples", "300", "--seed", "7", "--game", "ne");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode mc = JSON.readTree(r.stdout());
    assertThat(mc.get("method").asText()).isEqualTo("monte-carlo");
    assertThat(mc.get("samples").asLong()).isEqualTo(300);
    assertThat(mc.get("seed").asLong()).isEqualTo(7);
    JsonNode exact = JSON.readTree(Cli.run("shapley", scenario.toString(), "--exact", "--game", "ne").stdout())
        .get("values");
    for (String id : ids(scenario)) {
      double value = mc.get("values").get(id).doubleValue();
      double se = mc.get("standardErrors").get(id).doubleValue();
      JsonNode ci = mc.get("confidenceIntervals").get(id);
      assertThat(se).isPositive();
      assertThat(ci.get(0).doubleValue()).isLessThan(value);
      assertThat(ci.get(1).doubleValue()).isGreaterThan(value);
      // Seeded, so deterministic: the estimate lies within a few standard errors of the exact value.
      assertThat(Math.abs(value - exact.get(id).doubleValue())).isLessThanOrEqualTo(5 * se);
    }
    Cli.Result again = Cli.run("shapley", scenario.toString(), "--samples", "300", "--seed", "7", "--game", "ne");
    assertThat(JSON.readTree(again.stdout()).get("values")).isEqualTo(mc.get("values"));
    Cli.Result other = Cli.run("shapley", scenario.toString(), "--samples", "300", "--seed", "8", "--game", "ne");
    assertThat(JSON.readTree(other.stdout()).get("values")).isNotEqualTo(mc.get("values"));

    Cli.Result precise = Cli.run("shapley", scenario.toString(), "--precision", "0.05", "--game", "ne");
    assertThat(precise.exitCode()).as(precise.toString()).isZero();
    JsonNode p = JSON.readTree(precise.stdout());
    assertThat(p.get("status").asText()).isEqualTo("CONVERGED");
    assertThat(p.get("achievedPrecision").doubleValue()).isLessThanOrEqualTo(0.05);
  }

  @Test
  void versionAndHelp() throws Exception {
    Cli.Result v = Cli.run("--version");
    assertThat(v.exitCode()).isZero();
    assertThat(v.stdout()).startsWith("cocogen ").doesNotContain("${project.version}", "unknown");
    Cli.Result h = Cli.run("--help");
    assertThat(h.exitCode()).isZero();
    assertThat(h.stdout()).contains("demo", "solve", "sweep", "shapley", "experiment", "--verbose", "--quiet");
    Cli.Result sub = Cli.run("solve", "--help");
    assertThat(sub.exitCode()).isZero();
    assertThat(sub.stdout()).contains("--format", "--rule", "--tolerance");
  }
}
