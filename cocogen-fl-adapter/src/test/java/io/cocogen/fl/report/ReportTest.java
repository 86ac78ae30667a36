package io.cocogen.fl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocogen.api.Competition;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.fl.CoopetitionCoordinator;
import io.cocogen.fl.OrganizationObservation;
import io.cocogen.fl.OrganizationPlan;
import io.cocogen.fl.OrganizationReport;
import io.cocogen.fl.RoundPlan;
import io.cocogen.fl.RoundSettlement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir Path dir;

  @Test
  void chartsAreWrittenAsPngAndSvg() throws Exception {
    Charts.save(Charts.lines("t", "x", "y", List.of(new Charts.Line("a", new double[] {0.1, 1, 100},
        new double[] {1, Double.NaN, 3})), true), dir, "line");
    Map<String, List<Double>> s = new LinkedHashMap<>();
    s.put("A", List.of(1.0, 2.0));
    s.put("B", List.of(1.5, 0.5));
    Charts.save(Charts.bars("b", "x", "y", List.of("u", "v"), s), dir, "bars");
    for (String f : List.of("line", "bars")) {
      byte[] png = Files.readAllBytes(dir.resolve(f + ".png"));
      assertThat(png).hasSizeGreaterThan(100);
      assertThat(png[1]).isEqualTo((byte) 'P'); // PNG signature
      assertThat(Files.readString(dir.resolve(f + ".svg"))).contains("<svg");
    }
  }

  @Test
  void metricsExporterWritesOneLinePerOrganizationAndRound() throws Exception {
    List<Organization> orgs = new ArrayList<>();
    List<OrganizationReport> reports = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      double[] h = {100 + 50 * i, 40, 10, 5};
      orgs.add(Organization.builder("o" + i).realSamples(155 + 50 * i).labelHistogram(h).quality(0.7).unitCost(0.01)
          .quadraticCost(1e-4).capacity(500).marketValue(100).build());
      reports.add(OrganizationReport.of("o" + i, new int[] {100 + 50 * i, 40, 10, 5}));
    }
    MetricsExporter ex = new MetricsExporter(dir);
    try (CoopetitionCoordinator c = CoopetitionCoordinator.builder().organizations(orgs)
        .competition(Competition.uniform(0.2)).recalibrate(false).build()) {
      for (int t = 0; t < 2; t++) {
        RoundPlan plan = c.planRound(t, t == 1 ? List.of(reports.get(0), reports.get(1)) : reports);
        List<OrganizationObservation> obs = new ArrayList<>();
        for (OrganizationPlan p : plan.plans()) {
          if (p.participates()) {
            obs.add(new OrganizationObservation(p.id(), p.syntheticCount(), 0.5, 0.8));
          }
        }
        RoundSettlement s = c.settleRound(t, obs);
        ex.append(plan, s);
        if (t == 1) {
          assertThatThrownBy(() -> ex.append(c.history().get(0).plan(), s)).isInstanceOf(InvalidModelException.class);
        }
      }
    }
    List<String> csv = Files.readAllLines(ex.csvFile());
    assertThat(csv).hasSize(1 + 2 * 3);
    assertThat(csv.get(0)).isEqualTo(String.join(",", MetricsExporter.COLUMNS));
    for (String line : csv.subList(1, csv.size())) {
      assertThat(line.split(",", -1)).hasSize(MetricsExporter.COLUMNS.size());
    }
    List<String> jl = Files.readAllLines(ex.jsonLinesFile());
    assertThat(jl).hasSize(6);
    ObjectMapper m = new ObjectMapper();
    JsonNode absent = m.readTree(jl.get(5));
    assertThat(absent.get("id").asText()).isEqualTo("o2");
    assertThat(absent.get("participates").asBoolean()).isFalse();
    assertThat(absent.get("reason").asText()).contains("did not report");
    JsonNode first = m.readTree(jl.get(0));
    assertThat(first.get("class_quotas")).hasSize(4);
    assertThat(first.get("loss").asDouble()).isEqualTo(0.5);
  }
}
