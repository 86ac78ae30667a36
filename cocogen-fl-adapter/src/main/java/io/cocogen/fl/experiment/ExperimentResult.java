package io.cocogen.fl.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocogen.fl.report.Charts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The measurements of one {@link ExperimentRunner} run: one {@link StrategyRow} per strategy,
 * {@code α_D}, {@code γ̄} and seed, the calibration of every seed, the multi-round participation rows,
 * and notes where measurements contradict the model.
 */
public final class ExperimentResult {
  private final ExperimentConfig config;
  private final List<StrategyRow> rows;
  private final List<CalibrationSummary> calibrations;
  private final List<ParticipationRow> participation;
  private final List<String> notes;
  private final long runtimeMillis;
  private final String dataDescription;

  ExperimentResult(ExperimentConfig config, List<StrategyRow> rows, List<CalibrationSummary> calibrations,
      List<ParticipationRow> participation, List<String> notes, long runtimeMillis, String dataDescription) {
    this.config = config;
    this.rows = List.copyOf(rows);
    this.calibrations = List.copyOf(calibrations);
    this.participation = List.copyOf(participation);
    this.notes = List.copyOf(notes);
    this.runtimeMillis = runtimeMillis;
    this.dataDescription = dataDescription;
  }

  public ExperimentConfig config() {
    return config;
  }

  /** Every measured run. */
  public List<StrategyRow> rows() {
    return rows;
  }

  /** The runs of one strategy. */
  public List<StrategyRow> rows(String strategy) {
    return rows.stream().filter(r -> r.strategy().equals(strategy)).toList();
  }

  /** The run of {@code strategy} at {@code (alpha, gammaBar, seed)}. */
  public StrategyRow row(String strategy, double alpha, double gammaBar, int seed) {
    for (StrategyRow r : rows) {
      if (r.strategy().equals(strategy) && r.alpha() == alpha && r.gammaBar() == gammaBar && r.seed() == seed) {
        return r;
      }
    }
    throw new io.cocogen.api.InvalidModelException("row", strategy + "@" + alpha + "/" + gammaBar + "/" + seed,
        "no such run");
  }

  public List<CalibrationSummary> calibrations() {
    return calibrations;
  }

  public List<ParticipationRow> participation() {
    return participation;
  }

  /** Automatic notes where measurement and model disagree (also in the summary). */
  public List<String> notes() {
    List<String> all = new ArrayList<>(notes);
    all.addAll(findings());
    return all;
  }

  public long runtimeMillis() {
    return runtimeMillis;
  }

  /** Mean over seeds of {@code f} for one strategy at {@code (alpha, gammaBar)}. */
  public double mean(String strategy, double alpha, double gammaBar, ToDoubleFunction<StrategyRow> f) {
    double t = 0;
    int c = 0;
    for (StrategyRow r : rows) {
      if (r.strategy().equals(strategy) && r.alpha() == alpha && r.gammaBar() == gammaBar) {
        t += f.applyAsDouble(r);
        c++;
      }
    }
    return c == 0 ? Double.NaN : t / c;
  }

  // ---- findings -----------------------------------------------------------------------------------

  /** Comparisons of the model's claims with the measurements, as sentences. */
  List<String> findings() {
    List<String> out = new ArrayList<>();
    int cells = 0;
    int predOk = 0;
    int measOk = 0;
    int nePredVsMeas = 0;
    List<String> below = new ArrayList<>();
    for (double a : config.alphas()) {
      for (double g : config.gammaBars()) {
        for (int s = 0; s < config.seeds(); s++) {
          StrategyRow plus = row("CoCoGen+", a, g, s);
          StrategyRow ne = row("NE", a, g, s);
          cells++;
          if (plus.predictedWelfare() >= ne.predictedWelfare() - 1e-9 * (1 + Math.abs(ne.predictedWelfare()))) {
            predOk++;
          }
          if (plus.measuredWelfare() >= ne.measuredWelfare()) {
            measOk++;
          } else {
            below.add("alpha=" + num(a) + ", gammaBar=" + num(g) + ", seed " + s + ": measured " + fmt(plus.measuredWelfare())
                + " vs " + fmt(ne.measuredWelfare()) + " (model predicted " + fmt(plus.predictedWelfare()) + " vs "
                + fmt(ne.predictedWelfare()) + ")");
          }
          if (plus.totalSynthetic() != ne.totalSynthetic()) {
            nePredVsMeas++;
          }
        }
      }
    }
    out.add("CoCoGen+ welfare >= NE welfare on the calibrated model in " + predOk + " of " + cells + " cells; in "
        + "measured welfare in " + measOk + " of " + cells + " cells"
        + (measOk < cells ? " (lower in: " + String.join("; ", below) + ": there the measured gain of the extra "
            + "synthetic data did not pay its generation cost as the calibrated model predicted)" : "")
        + "; the two plans differ in " + nePredVsMeas + " cells.");
    double lo = Arrays.stream(config.alphas()).min().orElse(Double.NaN);
    double hi = Arrays.stream(config.alphas()).max().orElse(Double.NaN);
    if (lo < hi) {
      int grows = 0;
      int total = 0;
      for (double g : config.gammaBars()) {
        for (int s = 0; s < config.seeds(); s++) {
          total++;
          if (row("NE", lo, g, s).totalSynthetic() > row("NE", hi, g, s).totalSynthetic()) {
            grows++;
          }
        }
      }
      out.add("NE generation at alpha=" + lo + " exceeds that at alpha=" + hi + " in " + grows + " of " + total
          + " (gammaBar, seed) pairs.");
    }
    int gen = 0;
    int reduced = 0;
    for (StrategyRow r : rows) {
      for (int i = 0; i < r.synthetic().length; i++) {
        if (r.synthetic()[i] > 0) {
          gen++;
          if (r.skewAfter()[i] < r.skewBefore()[i]) {
            reduced++;
          }
        }
      }
    }
    out.add("Synthetic data lowered the measured label skew (TV to uniform) for " + reduced + " of " + gen
        + " organization-runs that generated (the others were already balanced to within integer rounding).");
    if (!participation.isEmpty()) {
      long empty = participation.stream().filter(p -> p.participants().isEmpty()).count();
      long leaves = participation.stream().mapToLong(p -> p.leaving().size()).sum();
      ParticipationRow first = participation.get(0);
      out.add("Multi-round coordinated run (alpha=" + num(first.alpha()) + ", gammaBar=" + num(first.gammaBar()) + "): "
          + leaves + " leave decisions over " + participation.size() + " rounds, " + empty + " rounds without "
          + "participants." + (leaves > 0 ? " A leave means the measured payoff inside (after competition losses) "
          + "was below the model's outside option v({i}), which ignores the competition a leaver still faces from "
          + "the federation (MODEL.md section 9), so heavy competition makes staying look worse than it is." : ""));
    }
    for (CalibrationSummary c : calibrations) {
      if (Double.isFinite(c.validationRSquared()) && c.validationRSquared() < 0) {
        out.add("seed " + c.seed() + ": on the strategy runs (not fitted) the calibrated law predicts losses worse "
            + "than their mean (validation R2 " + fmt(c.validationRSquared()) + ", RMSE " + fmt(c.validationRmse())
            + ")");
      }
    }
    for (double a : config.alphas()) {
      for (double g : config.gammaBars()) {
        double plusAcc = mean("CoCoGen+", a, g, StrategyRow::testAccuracy);
        double vcflAcc = mean("VCFL", a, g, StrategyRow::testAccuracy);
        if (plusAcc < vcflAcc - 0.01) {
          out.add("alpha=" + a + ", gammaBar=" + g + ": CoCoGen+ test accuracy " + fmt(plusAcc)
              + " is below VCFL's " + fmt(vcflAcc) + " (synthetic data hurt the global model here)");
        }
      }
    }
    return out;
  }

  // ---- report -------------------------------------------------------------------------------------

  /**
   * Writes {@code results.json}, {@code results.csv}, {@code calibration.csv}, the plots (PNG and SVG)
   * and {@code summary.md} into {@code dir} (created).
   */
  public void writeReport(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("config", config.toString());
    root.put("data", dataDescription);
    root.put("runtimeMillis", runtimeMillis);
    root.set("calibrations", json.valueToTree(calibrations));
    ArrayNode arr = root.putArray("runs");
    for (StrategyRow r : rows) {
      arr.add(json.valueToTree(r));
    }
    root.set("participation", json.valueToTree(participation));
    root.set("notes", json.valueToTree(notes()));
    Files.writeString(dir.resolve("results.json"), json.writeValueAsString(root), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.csv"), csv(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("calibration.csv"), calibrationCsv(), StandardCharsets.UTF_8);
    plots(dir);
    Files.writeString(dir.resolve("summary.md"), summaryMarkdown(), StandardCharsets.UTF_8);
  }

  /** One line per (strategy, α, γ̄, seed, organization). */
  String csv() {
    StringBuilder b = new StringBuilder("strategy,alpha,gamma_bar,seed,org,real_samples,synthetic,test_accuracy,"
        + "test_loss,own_distribution_accuracy,loss,predicted_loss,accuracy,measured_utility,transfer,payoff,"
        + "skew_before,skew_after,measured_welfare,predicted_welfare\n");
    for (StrategyRow r : rows) {
      for (int i = 0; i < r.synthetic().length; i++) {
        b.append(String.join(",", r.strategy(), num(r.alpha()), num(r.gammaBar()), Integer.toString(r.seed()),
            "org" + i, Integer.toString(r.realSamples()[i]), Integer.toString(r.synthetic()[i]), num(r.testAccuracy()),
            num(r.testLoss()), num(r.ownDistributionAccuracy()[i]), num(r.loss()[i]), num(r.predictedLoss()[i]),
            num(r.accuracy()[i]), num(r.measuredUtility()[i]), num(r.transfers()[i]), num(r.payoffs()[i]),
            num(r.skewBefore()[i]), num(r.skewAfter()[i]), num(r.measuredWelfare()), num(r.predictedWelfare())))
            .append('\n');
      }
    }
    return b.toString();
  }

  private String calibrationCsv() {
    StringBuilder b = new StringBuilder("seed,points,rmse,r2,constant_rmse,converged,identifiable,condition_number,"
        + "loss_floor,scale,exponent,drift,mismatch,reference_loss,validation_rmse,validation_r2\n");
    for (CalibrationSummary c : calibrations) {
      b.append(String.join(",", Integer.toString(c.seed()), Integer.toString(c.points()), num(c.rmse()),
          num(c.rSquared()), num(c.constantRmse()), Boolean.toString(c.converged()), Boolean.toString(c.identifiable()),
          num(c.conditionNumber()), num(c.lossFloor()), num(c.scale()), num(c.exponent()), num(c.drift()),
          num(c.mismatch()), num(c.referenceLoss()), num(c.validationRmse()), num(c.validationRSquared()))).append('\n');
    }
    return b.toString();
  }

  private void plots(Path dir) throws IOException {
    double[] gammas = config.gammaBars();
    double[] alphas = config.alphas();
    for (double a : alphas) {
      List<Charts.Line> measured = new ArrayList<>();
      List<Charts.Line> model = new ArrayList<>();
      for (String s : ExperimentRunner.STRATEGIES) {
        double[] y = new double[gammas.length];
        double[] yp = new double[gammas.length];
        for (int g = 0; g < gammas.length; g++) {
          y[g] = mean(s, a, gammas[g], StrategyRow::measuredWelfare);
          yp[g] = mean(s, a, gammas[g], StrategyRow::predictedWelfare);
        }
        measured.add(new Charts.Line(s, gammas, y));
        model.add(new Charts.Line(s, gammas, yp));
      }
      Charts.save(Charts.lines("Measured welfare vs competition, alpha_D = " + num(a), "gamma bar",
          "measured welfare (money)", measured, false), dir, "welfare_vs_gamma_alpha" + tag(a));
      Charts.save(Charts.lines("Model-predicted welfare vs competition, alpha_D = " + num(a), "gamma bar",
          "predicted welfare (money)", model, false), dir, "welfare_model_vs_gamma_alpha" + tag(a));
    }
    double gMax = Arrays.stream(gammas).max().orElse(0);
    List<Charts.Line> gen = new ArrayList<>();
    for (String s : ExperimentRunner.STRATEGIES) {
      double[] y = new double[alphas.length];
      for (int i = 0; i < alphas.length; i++) {
        y[i] = mean(s, alphas[i], gMax, r -> r.totalSynthetic());
      }
      gen.add(new Charts.Line(s, alphas, y));
    }
    Charts.save(Charts.lines("Synthetic samples vs label skew (gamma bar = " + num(gMax) + ")", "alpha_D (log)",
        "total synthetic samples", gen, alphas.length > 1 && Arrays.stream(alphas).min().orElse(1) > 0), dir,
        "generation_vs_alpha");
    List<String> cats = new ArrayList<>();
    for (double a : alphas) {
      cats.add("alpha=" + num(a));
    }
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    for (String s : ExperimentRunner.STRATEGIES) {
      List<Double> v = new ArrayList<>();
      for (double a : alphas) {
        double t = 0;
        for (double g : gammas) {
          t += mean(s, a, g, StrategyRow::testAccuracy);
        }
        v.add(t / gammas.length);
      }
      acc.put(s, v);
    }
    Charts.save(Charts.bars("Test accuracy of the global model per strategy", "label skew", "balanced test accuracy",
        cats, acc), dir, "accuracy_per_strategy");
    if (!participation.isEmpty()) {
      double[] x = new double[participation.size()];
      double[] y = new double[participation.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = participation.get(i).round();
        y[i] = participation.get(i).participants().size();
      }
      Charts.save(Charts.lines("Participants per round (CoCoGen+ coordinator)", "round", "participants",
          List.of(new Charts.Line("participants", x, y)), false), dir, "participants_per_round");
    }
  }

  private static String tag(double a) {
    return num(a).replace('.', '_');
  }

  /** The summary: what was run, the calibration, the key table and the findings. */
  public String summaryMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("# CoCoGen+ reference experiment\n\n");
    b.append("## What was run\n\n");
    b.append("- Data: ").append(dataDescription).append('\n');
    b.append("- ").append(config.organizations()).append(" organizations, Dirichlet label skew alpha_D in ")
        .append(Arrays.toString(config.alphas())).append(", uniform competition gammaBar in ")
        .append(Arrays.toString(config.gammaBars())).append(", theta = ").append(num(ExperimentRunner.THETA))
        .append(", ").append(config.seeds()).append(" seeds (base ").append(config.seed()).append(")\n");
    b.append("- FedAvg, ").append(config.model()).append(", ").append(config.rounds()).append(" rounds of ")
        .append(config.localEpochs()).append(" local epoch(s); each organization's measured loss is the class-balanced "
            + "test cross-entropy of the global model after one local fine-tuning epoch on its own real plus synthetic "
            + "data\n");
    b.append("- GenAI stand-in: class-conditional Gaussian in PCA space fitted on a 20% public holdout; synthetic "
        + "quality assumed q = ").append(num(ExperimentRunner.QUALITY)).append("; per-class quotas by deficit filling\n");
    b.append("- Economics: rho_i in [100, 150], unit cost kappa_i = rho_i * ").append(num(ExperimentRunner.COST_FACTOR))
        .append(" * u_i / mean(d), u_i in [0.75, 1.25], eta_i = kappa_i / d_i, capacity 3 d_i\n");
    b.append("- Strategies decide on the calibrated model (amounts rounded down); NE and CoCoGen+ are planned and "
        + "settled by the CoopetitionCoordinator\n");
    b.append("- Runtime: ").append(String.format(Locale.ROOT, "%.1f", runtimeMillis / 1000.0)).append(" s\n\n");
    b.append("## Calibration (pilot runs, scaling law fitted by Levenberg-Marquardt)\n\n");
    b.append("| seed | points | RMSE | R2 | constant-model RMSE | identifiable | l_inf | A | beta | C | E "
        + "| validation RMSE | validation R2 |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (CalibrationSummary c : calibrations) {
      b.append("| ").append(c.seed()).append(" | ").append(c.points()).append(" | ").append(fmt(c.rmse())).append(" | ")
          .append(fmt(c.rSquared())).append(" | ").append(fmt(c.constantRmse())).append(" | ").append(c.identifiable())
          .append(" | ").append(fmt(c.lossFloor())).append(" | ").append(fmt(c.scale())).append(" | ")
          .append(fmt(c.exponent())).append(" | ").append(fmt(c.drift())).append(" | ").append(fmt(c.mismatch()))
          .append(" | ").append(fmt(c.validationRmse())).append(" | ").append(fmt(c.validationRSquared()))
          .append(" |\n");
    }
    b.append("\nValidation = the calibrated law's predictions on the strategy runs, which were not used in the fit.\n\n");
    b.append("## Key table (means over seeds)\n\n");
    b.append("| alpha_D | gammaBar | strategy | synthetic | test acc | org acc | measured welfare | model welfare |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (double a : config.alphas()) {
      for (double g : config.gammaBars()) {
        for (String s : ExperimentRunner.STRATEGIES) {
          b.append("| ").append(num(a)).append(" | ").append(num(g)).append(" | ").append(s).append(" | ")
              .append(String.format(Locale.ROOT, "%.0f", mean(s, a, g, r -> r.totalSynthetic()))).append(" | ")
              .append(fmt(mean(s, a, g, StrategyRow::testAccuracy))).append(" | ")
              .append(fmt(mean(s, a, g, StrategyRow::meanOrganizationAccuracy))).append(" | ")
              .append(fmt(mean(s, a, g, StrategyRow::measuredWelfare))).append(" | ")
              .append(fmt(mean(s, a, g, StrategyRow::predictedWelfare))).append(" |\n");
        }
      }
    }
    if (!participation.isEmpty()) {
      b.append("\n## Multi-round coordinated run (CoCoGen+)\n\n| round | participants | leaving | synthetic | test acc "
          + "| measured welfare | transfer sum |\n|---|---|---|---|---|---|---|\n");
      for (ParticipationRow p : participation) {
        b.append("| ").append(p.round()).append(" | ").append(p.participants().size()).append(" | ")
            .append(p.leaving()).append(" | ").append(p.totalSynthetic()).append(" | ").append(fmt(p.testAccuracy()))
            .append(" | ").append(fmt(p.measuredWelfare())).append(" | ").append(fmt(p.transferSum())).append(" |\n");
      }
    }
    b.append("\n## Findings, including where measurements contradict the model\n\n");
    for (String n : notes()) {
      b.append("- ").append(n).append('\n');
    }
    b.append("\nFiles: results.json, results.csv (one line per organization and run), calibration.csv, "
        + "welfare_vs_gamma_alpha*.png/svg (measured), welfare_model_vs_gamma_alpha*.png/svg (model), "
        + "generation_vs_alpha.png/svg, accuracy_per_strategy.png/svg"
        + (participation.isEmpty() ? "" : ", participants_per_round.png/svg") + ".\n");
    return b.toString();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "" : (v > 0 ? "inf" : "-inf");
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
