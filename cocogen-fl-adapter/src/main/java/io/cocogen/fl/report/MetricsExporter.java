package io.cocogen.fl.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocogen.fl.CoordinatorRecord;
import io.cocogen.fl.OrganizationOutcome;
import io.cocogen.fl.OrganizationPlan;
import io.cocogen.fl.RoundPlan;
import io.cocogen.fl.RoundSettlement;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Per-round metrics of a coordinated federation, one line per organization and round: plans (instructed
 * and continuous amounts, quotas, subsidy, fee, expected utility and payoff), actions (generated,
 * compliance), measured losses, accuracies and utilities, transfers and participation. Written as JSON
 * Lines ({@code rounds.jsonl}) and CSV ({@code rounds.csv}) in a directory; each {@link #append} adds one
 * round to both files, so the export can follow a running federation.
 */
public final class MetricsExporter {
  /** CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("round", "id", "participates", "reason", "exploration",
      "instructed", "continuous_plan", "equilibrium", "class_quotas", "generated", "compliant", "subsidy_rate", "fee",
      "expected_transfer", "expected_utility", "expected_payoff", "outside_option", "loss", "predicted_loss",
      "accuracy", "measured_gain", "cost", "competition_loss", "measured_utility", "transfer", "payoff",
      "stays_next_round", "calibration_rmse", "calibration_r2", "calibration_points");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path jsonl;
  private final Path csv;

  /** Exports into {@code dir} (created), appending to existing files. */
  public MetricsExporter(Path dir) throws IOException {
    Files.createDirectories(dir);
    jsonl = dir.resolve("rounds.jsonl");
    csv = dir.resolve("rounds.csv");
    if (!Files.exists(csv) || Files.size(csv) == 0) {
      Files.writeString(csv, String.join(",", COLUMNS) + "\n", StandardCharsets.UTF_8);
    }
    if (!Files.exists(jsonl)) {
      Files.createFile(jsonl);
    }
  }

  public Path jsonLinesFile() {
    return jsonl;
  }

  public Path csvFile() {
    return csv;
  }

  /** Writes every round of a coordinator's history (e.g. recovered from its ledger). */
  public void appendAll(List<CoordinatorRecord> history) throws IOException {
    for (CoordinatorRecord r : history) {
      append(r.plan(), r.settlement());
    }
  }

  /** Adds one settled round: a line per organization in both files. */
  public void append(RoundPlan plan, RoundSettlement settlement) throws IOException {
    if (plan.round() != settlement.round()) {
      throw new io.cocogen.api.InvalidModelException("settlement.round", settlement.round(),
          "does not match the plan's round " + plan.round());
    }
    try (BufferedWriter j = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      for (OrganizationPlan p : plan.plans()) {
        OrganizationOutcome o = null;
        for (OrganizationOutcome x : settlement.outcomes()) {
          if (x.id().equals(p.id())) {
            o = x;
          }
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("round", plan.round());
        node.put("id", p.id());
        node.put("participates", p.participates());
        node.put("reason", p.reason());
        node.put("exploration", p.exploration());
        node.put("instructed", p.syntheticCount());
        num(node, "continuous_plan", p.continuousPlan());
        num(node, "equilibrium", p.equilibriumSynthetic());
        node.set("class_quotas", JSON.valueToTree(p.classQuotas()));
        node.put("generated", o == null ? 0 : o.generated());
        node.put("compliant", o == null || o.compliant());
        num(node, "subsidy_rate", p.subsidyRate());
        num(node, "fee", p.fee());
        num(node, "expected_transfer", p.expectedTransfer());
        num(node, "expected_utility", p.expectedUtility());
        num(node, "expected_payoff", p.expectedPayoff());
        num(node, "outside_option", p.outsideOption());
        num(node, "loss", o == null ? Double.NaN : o.loss());
        num(node, "predicted_loss", o == null ? Double.NaN : o.predictedLoss());
        num(node, "accuracy", o == null ? Double.NaN : o.accuracy());
        num(node, "measured_gain", o == null ? Double.NaN : o.measuredGain());
        num(node, "cost", o == null ? 0 : o.cost());
        num(node, "competition_loss", o == null ? Double.NaN : o.competitionLoss());
        num(node, "measured_utility", o == null ? Double.NaN : o.measuredUtility());
        num(node, "transfer", o == null ? 0 : o.transfer());
        num(node, "payoff", o == null ? Double.NaN : o.payoff());
        node.put("stays_next_round", !settlement.leaving().contains(p.id()));
        num(node, "calibration_rmse", plan.calibration().rmse());
        num(node, "calibration_r2", plan.calibration().rSquared());
        node.put("calibration_points", plan.calibration().points());
        j.write(JSON.writeValueAsString(node));
        j.write('\n');
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < COLUMNS.size(); k++) {
          if (k > 0) {
            line.append(',');
          }
          line.append(csvCell(node.get(COLUMNS.get(k))));
        }
        c.write(line.toString());
        c.write('\n');
      }
    }
  }

  private static void num(ObjectNode node, String field, double v) {
    if (Double.isFinite(v)) {
      node.put(field, v);
    } else {
      node.putNull(field);
    }
  }

  private static String csvCell(com.fasterxml.jackson.databind.JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isArray()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(v.get(i).asText());
      }
      return b.toString();
    }
    if (v.isNumber() && v.isFloatingPointNumber()) {
      return String.format(Locale.ROOT, "%.10g", v.asDouble());
    }
    return csvText(v.asText());
  }

  /** Quotes a CSV cell when it holds a comma, quote or line break. */
  public static String csvText(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
