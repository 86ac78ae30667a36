package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each class of bad input exits with code 2 and ONE line on stderr naming the field and the value, without a
 * stack trace; {@code --verbose} adds the stack trace.
 */
class BadInputIT {
  @TempDir
  static Path dir;

  private static String valid;

  @BeforeAll
  static void readExample() throws Exception {
    valid = Files.readString(Cli.resource("banks.json"));
  }

  private static Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** Asserts exit code 2 and a single stderr line containing every fragment, and nothing on stdout. */
  private static Cli.Result assertBadInput(Cli.Result r, String... fragments) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errorLines()).as(r.toString()).hasSize(1);
    String line = r.errorLines().get(0);
    assertThat(line).contains(fragments).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.stdout()).isEmpty();
    return r;
  }

  @Test
  void missingFile() throws Exception {
    Path missing = dir.resolve("no-such-scenario.json");
    assertBadInput(Cli.run("solve", missing.toString()), "scenario file", "no-such-scenario.json", "no such file");
  }

  @Test
  void directoryInsteadOfFile() throws Exception {
    assertBadInput(Cli.run("solve", dir.toString()), "scenario file", "is a directory");
  }

  @Test
  void malformedJson() throws Exception {
    Path p = write("truncated.json", valid.substring(0, valid.indexOf("\"organizations\"") + 30));
    assertBadInput(Cli.run("solve", p.toString()), "malformed JSON", "line");
  }

  @Test
  void unknownField() throws Exception {
    Path p = write("unknown.json", valid.replace("\"quality\": 0.8,", "\"qualiti\": 0.8,"));
    assertBadInput(Cli.run("solve", p.toString()), "organizations[1].qualiti", "unknown field");
  }

  @Test
  void wrongSchemaString() throws Exception {
    Path p = write("schema.json", valid.replace("cocogen.scenario/v1", "cocogen.scenario/v0"));
    assertBadInput(Cli.run("solve", p.toString()), "schema", "cocogen.scenario/v0");
  }

  @Test
  void nanValue() throws Exception {
    Path p = write("nan.json", valid.replace("\"skew\": 0.2,", "\"skew\": NaN,"));
    assertBadInput(Cli.run("solve", p.toString()), "organizations[1].skew", "NaN");
  }

  @Test
  void outOfRangeValue() throws Exception {
    Path p = write("range.json", valid.replace("\"quality\": 0.7,", "\"quality\": 1.7,"));
    assertBadInput(Cli.run("solve", p.toString()), "organizations[2].quality", "1.7");
  }

  @Test
  void badOptionValues() throws Exception {
    Path p = write("ok.json", valid);
    assertBadInput(Cli.run("solve", p.toString(), "--tolerance", "abc"), "--tolerance", "abc");
    assertBadInput(Cli.run("solve", p.toString(), "--tolerance", "-1"), "--tolerance", "-1");
    assertBadInput(Cli.run("solve", p.toString(), "--rule", "fair"), "--rule", "fair");
    assertBadInput(Cli.run("sweep", p.toString(), "--param", "gamma", "--values", "1"), "--param", "gamma");
    assertBadInput(Cli.run("sweep", p.toString(), "--param", "theta", "--values", "0.1,zero"), "--values", "zero");
    assertBadInput(Cli.run("sweep", p.toString(), "--param", "theta", "--values", "0.5,2", "--no-plot"),
        "theta", "2.0");
    assertBadInput(Cli.run("shapley", p.toString(), "--exact", "--samples", "10"), "--exact", "--samples",
        "mutually exclusive");
    assertBadInput(Cli.run("shapley", p.toString(), "--samples", "1"), "--samples", "1");
    assertBadInput(Cli.run("shapley", p.toString(), "--game", "xy"), "--game", "xy");
    assertBadInput(Cli.run("frobnicate"), "frobnicate");
    assertBadInput(Cli.run(), "missing command");
  }

  @Test
  void badInputToEveryScenarioCommand() throws Exception {
    Path p = write("nan2.json", valid.replace("\"marketValue\": 150", "\"marketValue\": Infinity"));
    assertBadInput(Cli.run("sweep", p.toString(), "--param", "theta", "--values", "0"),
        "organizations[2].marketValue", "Infinity");
    assertBadInput(Cli.run("shapley", p.toString()), "organizations[2].marketValue", "Infinity");
  }

  @Test
  void verboseShowsTheStackTrace() throws Exception {
    Path p = write("nan3.json", valid.replace("\"skew\": 0.2,", "\"skew\": NaN,"));
    Cli.Result r = Cli.run("solve", p.toString(), "--verbose");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errorLines().get(0)).contains("organizations[1].skew");
    assertThat(r.stderr()).contains("ScenarioFormatException").contains("\tat io.cocogen.");
    assertThat(r.errorLines().size()).isGreaterThan(3);

    Cli.Result before = Cli.run("--verbose", "solve", p.toString());
    assertThat(before.exitCode()).isEqualTo(2);
    assertThat(before.stderr()).contains("\tat io.cocogen.");
  }
}
