package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FL experiment through the packaged jar: one quick run on the embedded digits, and its bad input. */
class ExperimentIT {

  @Test
  void quickDigitsRunWritesTheReport(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report");
    Cli.Result r = Cli.runIn(dir, 180, "experiment", "--dataset", "digits", "--quick", "--out", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.millis()).as("a quick run takes about a minute at most").isLessThan(120_000);
    assertThat(out.resolve("results.json")).isRegularFile();
    assertThat(new ObjectMapper().readTree(out.resolve("results.json").toFile()).isObject()).isTrue();
    assertThat(out.resolve("summary.md")).isRegularFile();
    List<Path> csv;
    List<Path> png;
    try (var files = Files.list(out)) {
      List<Path> all = files.toList();
      csv = all.stream().filter(f -> f.toString().endsWith(".csv")).toList();
      png = all.stream().filter(f -> f.toString().endsWith(".png")).toList();
    }
    assertThat(csv).isNotEmpty();
    for (Path f : csv) {
      assertThat(Files.readAllLines(f).size()).as(f.toString()).isGreaterThan(1);
    }
    assertThat(png).isNotEmpty();
    for (Path f : png) {
      assertThat(Files.readAllBytes(f)).as(f.toString()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
    // The summary goes to stdout too, and every strategy appears in it.
    assertThat(r.stdout()).isEqualTo(Files.readString(out.resolve("summary.md")));
    assertThat(r.stdout()).contains("VCFL", "RaDG", "WCO", "NE", "CoCoGen+");
    assertThat(r.stderr()).contains("wrote the report to");
  }

  @Test
  void badExperimentInput(@TempDir Path dir) throws Exception {
    Cli.Result dataset = Cli.runIn(dir, 60, "experiment", "--dataset", "cifar10", "--quick");
    assertThat(dataset.exitCode()).as(dataset.toString()).isEqualTo(2);
    assertThat(dataset.errorLines()).hasSize(1);
    assertThat(dataset.errorLines().get(0)).contains("--dataset", "cifar10");

    Path missing = dir.resolve("no-fashion-here");
    Cli.Result data = Cli.runIn(dir, 60, "experiment", "--dataset", "fashion-mnist", "--data", missing.toString(),
        "--quick");
    assertThat(data.exitCode()).as(data.toString()).isEqualTo(2);
    assertThat(data.errorLines()).hasSize(1);
    assertThat(data.errorLines().get(0)).contains("--data", "no-fashion-here");

    Cli.Result seeds = Cli.runIn(dir, 60, "experiment", "--quick", "--seeds", "0");
    assertThat(seeds.exitCode()).as(seeds.toString()).isEqualTo(2);
    assertThat(seeds.errorLines()).hasSize(1);
    assertThat(seeds.errorLines().get(0)).contains("seeds", "0");

    Cli.Result alphas = Cli.runIn(dir, 60, "experiment", "--quick", "--alphas", "0.1,x");
    assertThat(alphas.exitCode()).as(alphas.toString()).isEqualTo(2);
    assertThat(alphas.errorLines().get(0)).contains("--alphas", "x");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).as("no report folder for rejected input").isEmpty();
    }
  }
}
