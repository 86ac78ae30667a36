package io.cocogen.fl.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocogen.api.InvalidModelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole reference experiment on the embedded digits (quick grid: alpha in {0.1, 100}, gammaBar in
 * {0, 0.6}, 2 seeds, all five strategies), with assertions on measured quantities.
 */
class ExperimentRunnerTest {
  @TempDir Path dir;

  @Test
  void quickDigitsGridMeasuresWhatTheModelClaims() throws Exception {
    ExperimentConfig cfg = ExperimentConfig.defaults("digits", true);
    List<String> progress = new ArrayList<>();
    long t0 = System.nanoTime();
    ExperimentResult res = ExperimentRunner.run(cfg, (done, total, label) -> progress.add(done + "/" + total));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.println(res.summaryMarkdown());
    assertThat(seconds).as("runtime on the quick grid").isLessThan(180);
    assertThat(progress).isNotEmpty().last().satisfies(p -> {
      String[] parts = p.split("/");
      assertThat(parts[0]).isEqualTo(parts[1]);
    });
    assertThat(res.rows()).hasSize(5 * 2 * 2 * 2);

    // 1. Synthetic data reduce the measured label skew of every organization that generated, unless it was
    //    already balanced to within integer rounding of the quotas.
    int generated = 0;
    for (StrategyRow r : res.rows()) {
      for (int i = 0; i < r.synthetic().length; i++) {
        if (r.synthetic()[i] == 0) {
          assertThat(r.skewAfter()[i]).isEqualTo(r.skewBefore()[i]);
          continue;
        }
        generated++;
        double rounding = 10.0 / (2.0 * (r.realSamples()[i] + r.synthetic()[i]));
        assertThat(r.skewAfter()[i]).as(r.strategy() + " org" + i).isLessThanOrEqualTo(r.skewBefore()[i] + rounding);
        if (r.skewBefore()[i] > rounding) {
          assertThat(r.skewAfter()[i]).as(r.strategy() + " org" + i).isLessThan(r.skewBefore()[i]);
        }
      }
    }
    assertThat(generated).isGreaterThan(20);

    // 2. The calibrated fit is reported, sane, and beats a constant model, also on runs it was not fitted on.
    assertThat(res.calibrations()).hasSize(2);
    for (CalibrationSummary c : res.calibrations()) {
      assertThat(c.points()).isEqualTo(2 * 5 * 5);
      assertThat(c.rSquared()).isFinite().isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
      assertThat(c.rmse()).isLessThan(c.constantRmse());
      assertThat(c.validationRSquared()).as("held-out strategy runs").isGreaterThan(0.0);
      assertThat(c.lossFloor()).isGreaterThanOrEqualTo(0.0);
    }

    for (double g : cfg.gammaBars()) {
      for (int s = 0; s < cfg.seeds(); s++) {
        for (double a : cfg.alphas()) {
          StrategyRow plus = res.row("CoCoGen+", a, g, s);
          StrategyRow ne = res.row("NE", a, g, s);
          // 3. CoCoGen+ welfare >= NE welfare on the calibrated model.
          assertThat(plus.predictedWelfare()).as("alpha " + a + " gammaBar " + g + " seed " + s)
              .isGreaterThanOrEqualTo(ne.predictedWelfare() - 1e-9 * (1 + Math.abs(ne.predictedWelfare())));
          // CoCoGen+ transfers, settled on the (compliant) measured outcome, balance.
          double sum = 0;
          double abs = 0;
          for (double t : plus.transfers()) {
            sum += t;
            abs += Math.abs(t);
          }
          assertThat(Math.abs(sum)).isLessThanOrEqualTo(1e-6 * (1 + abs));
          assertThat(ne.transfers()).containsOnly(0.0);
        }
        // 4. Generation grows as alpha_D falls, under NE.
        assertThat(res.row("NE", 0.1, g, s).totalSynthetic()).as("gammaBar " + g + " seed " + s)
            .isGreaterThan(res.row("NE", 100, g, s).totalSynthetic());
      }
    }
    // VCFL never generates; the measured accuracy is a real measurement, not NaN.
    for (StrategyRow r : res.rows("VCFL")) {
      assertThat(r.totalSynthetic()).isZero();
      assertThat(r.testAccuracy()).isBetween(0.5, 1.0);
    }

    // The report: machine-readable results, plots in PNG and SVG, and an honest summary.
    res.writeReport(dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertThat(json.get("runs")).hasSize(40);
    assertThat(json.get("calibrations")).hasSize(2);
    List<String> csv = Files.readAllLines(dir.resolve("results.csv"), StandardCharsets.UTF_8);
    assertThat(csv).hasSize(1 + 40 * 5);
    for (String base : List.of("welfare_vs_gamma_alpha0_1", "welfare_vs_gamma_alpha100", "generation_vs_alpha",
        "accuracy_per_strategy")) {
      assertThat(Files.size(dir.resolve(base + ".png"))).as(base).isPositive();
      assertThat(Files.readString(dir.resolve(base + ".svg"))).as(base).contains("<svg");
    }
    String summary = Files.readString(dir.resolve("summary.md"));
    assertThat(summary).contains("## Key table").contains("in measured welfare in").contains("validation R2");
  }

  @Test
  void multiRoundCoordinatedRunRecordsParticipantsPerRound() throws Exception {
    ExperimentConfig cfg = new ExperimentConfig("digits", null, 4, new double[] {0.3}, new double[] {0.4}, 1, 7L, 10, 1,
        "softmax", false);
    ExperimentResult res = ExperimentRunner.run(cfg, null);
    assertThat(res.participation()).hasSize(ExperimentRunner.PERIODS);
    for (int t = 0; t < res.participation().size(); t++) {
      ParticipationRow p = res.participation().get(t);
      assertThat(p.round()).isEqualTo(t);
      assertThat(p.participants().size()).isBetween(0, 4);
      if (!p.participants().isEmpty()) {
        assertThat(Math.abs(p.transferSum())).isLessThan(1e-6);
        assertThat(p.testAccuracy()).isBetween(0.3, 1.0);
      }
      if (t > 0) {
        for (String gone : res.participation().get(t - 1).leaving()) {
          assertThat(p.participants()).doesNotContain(gone);
        }
      }
    }
    res.writeReport(dir);
    assertThat(Files.readString(dir.resolve("participants_per_round.svg"))).contains("<svg");
    assertThat(res.summaryMarkdown()).contains("Multi-round coordinated run");
  }

  @Test
  void configIsValidated() {
    assertThatThrownBy(() -> new ExperimentConfig("cifar", null, 5, new double[] {1}, new double[] {0}, 1, 1, 1, 1,
        "softmax", true)).isInstanceOf(InvalidModelException.class).hasMessageContaining("dataset");
    assertThatThrownBy(() -> new ExperimentConfig("digits", null, 5, new double[] {0}, new double[] {0}, 1, 1, 1, 1,
        "softmax", true)).isInstanceOf(InvalidModelException.class).hasMessageContaining("alphas");
    assertThatThrownBy(() -> new ExperimentConfig("digits", null, 1, new double[] {1}, new double[] {0}, 1, 1, 1, 1,
        "softmax", true)).isInstanceOf(InvalidModelException.class).hasMessageContaining("organizations");
    assertThatThrownBy(() -> new ExperimentConfig("digits", null, 5, new double[] {1}, new double[] {0}, 1, 1, 1, 1,
        "resnet", true)).isInstanceOf(InvalidModelException.class).hasMessageContaining("model");
    ExperimentConfig full = ExperimentConfig.defaults("fashion-mnist", false);
    assertThat(full.alphas()).containsExactly(0.1, 0.5, 1, 100);
    assertThat(full.gammaBars()).containsExactly(0, 0.2, 0.4, 0.6, 0.8);
  }
}
