package io.cocogen.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.cocogen.api.RoundGame;
import io.cocogen.incentive.Redistribution;
import io.cocogen.solver.Certificate;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.StrategyOutcome;
import io.cocogen.solver.WelfareOptimum;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Encodes an {@link Analysis} as a {@code cocogen.solution/v1} document (see
 * {@code docs/solution-schema.md}). Numbers are JSON numbers with full double precision; a value that is
 * not finite (NaN, infinity) is written as {@code null}, never as a bare token. Per-organization values are
 * objects keyed by organization id, in federation order.
 */
public final class SolutionJson {
  /** The schema identifier of every solution document. */
  public static final String SCHEMA = "cocogen.solution/v1";

  private static final JsonFactory FACTORY = new JsonFactory();

  private SolutionJson() {}

  /** The pretty-printed document, ending with a newline. */
  public static String encode(Analysis a) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      pretty.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      g.setPrettyPrinter(pretty);
      write(g, a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString() + "\n";
  }

  private static void write(JsonGenerator g, Analysis a) throws IOException {
    RoundGame game = a.game();
    String[] ids = game.federation().ids();
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);

    g.writeObjectFieldStart("structure");
    g.writeNumberField("organizations", game.size());
    g.writeStringField("competition", game.competition() == null ? "index" : game.competition().kind());
    number(g, "theta", game.theta());
    number(g, "budget", game.budget());
    g.writeBooleanField("potentialGame", game.isPotentialGame());
    strings(g, "competitionDominated", game.dominatedIds());
    byId(g, "weights", ids, game.commonStakes());
    number(g, "totalWeight", game.totalCommonStake());
    g.writeBooleanField("welfareConcave", a.optimum().concave());
    g.writeEndObject();

    nash(g, a.nash(), ids);
    optimum(g, a.optimum(), ids);
    number(g, "efficiency", a.efficiency());
    number(g, "priceOfAnarchy", a.priceOfAnarchy());

    g.writeObjectFieldStart("baselines");
    for (Map.Entry<String, StrategyOutcome> e : a.baselines().entrySet()) {
      if (e.getKey().equals("NE")) {
        continue;
      }
      StrategyOutcome o = e.getValue();
      g.writeObjectFieldStart(e.getKey());
      g.writeStringField("state", o.state().name());
      byId(g, "synthetic", ids, o.synthetic());
      byId(g, "utilities", ids, o.utilities());
      number(g, "welfare", o.welfare());
      g.writeEndObject();
    }
    g.writeEndObject();

    Redistribution r = a.redistribution();
    if (r == null) {
      g.writeNullField("redistribution");
      g.writeStringField("redistributionError", a.redistributionError());
    } else {
      redistribution(g, r, ids, a.shapley());
    }
    g.writeEndObject();
  }

  private static void nash(JsonGenerator g, Equilibrium e, String[] ids) throws IOException {
    g.writeObjectFieldStart("nash");
    g.writeStringField("state", e.state().name());
    g.writeStringField("method", e.method());
    byId(g, "synthetic", ids, e.synthetic());
    byId(g, "utilities", ids, e.utilities());
    number(g, "welfare", e.welfare());
    number(g, "potential", e.potential());
    certificate(g, e.certificate());
    g.writeNumberField("iterations", e.iterations());
    shadowPrices(g, e.shadowPrices(), e.budgetPrice());
    g.writeStringField("message", e.message());
    g.writeEndObject();
  }

  private static void optimum(JsonGenerator g, WelfareOptimum o, String[] ids) throws IOException {
    g.writeObjectFieldStart("optimum");
    g.writeStringField("state", o.state().name());
    byId(g, "synthetic", ids, o.synthetic());
    byId(g, "utilities", ids, o.utilities());
    number(g, "welfare", o.welfare());
    number(g, "upperBound", o.upperBound());
    number(g, "gap", o.gap());
    g.writeBooleanField("concave", o.concave());
    certificate(g, o.certificate());
    g.writeNumberField("iterations", o.iterations());
    shadowPrices(g, o.shadowPrices(), o.budgetPrice());
    g.writeStringField("message", o.message());
    g.writeEndObject();
  }

  private static void certificate(JsonGenerator g, Certificate c) throws IOException {
    if (c == null) {
      g.writeNullField("maxRegret");
      g.writeNullField("relativeRegret");
      return;
    }
    number(g, "maxRegret", c.maxRegret());
    number(g, "relativeRegret", c.maxRelativeRegret());
  }

  private static void shadowPrices(JsonGenerator g, double[] lambda, double mu) throws IOException {
    g.writeFieldName("shadowPrices");
    if (lambda == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (double v : lambda) {
        value(g, v);
      }
      g.writeEndArray();
    }
    number(g, "budgetPrice", mu);
  }

  private static void redistribution(JsonGenerator g, Redistribution r, String[] ids, double[] shapley)
      throws IOException {
    int n = ids.length;
    double[] paid = new double[n];
    for (int i = 0; i < n; i++) {
      paid[i] = r.subsidies()[i] * r.plan()[i];
    }
    g.writeObjectFieldStart("redistribution");
    g.writeStringField("state", r.state().name());
    g.writeStringField("rule", r.rule().name());
    byId(g, "plan", ids, r.plan());
    byId(g, "subsidyRates", ids, r.subsidies());
    byId(g, "subsidies", ids, paid);
    byId(g, "fees", ids, r.fees());
    byId(g, "transfers", ids, r.transfers());
    byId(g, "payoffs", ids, r.payoffs());
    byId(g, "shares", ids, r.shares());
    if (shapley != null) {
      byId(g, "shapley", ids, shapley);
    }
    number(g, "surplus", r.surplus());
    number(g, "budgetImbalance", r.budgetImbalance());
    number(g, "relativeImbalance", r.relativeImbalance());
    Certificate c = r.planCertificate();
    number(g, "planRegret", c == null ? Double.NaN : c.maxRelativeRegret());
    number(g, "planMaxRegret", c == null ? Double.NaN : c.maxRegret());
    number(g, "minGainOverNash", r.minGainOverNash());
    g.writeFieldName("outsideOptions");
    if (r.outsideOptions() == null) {
      g.writeNull();
    } else {
      byIdValue(g, ids, r.outsideOptions());
    }
    strings(g, "participationViolations", r.participationViolations());
    strings(g, "worseOffThanNash", r.worseOffThanNash());
    g.writeStringField("message", r.message());
    g.writeEndObject();
  }

  private static void byId(JsonGenerator g, String name, String[] ids, double[] values) throws IOException {
    g.writeFieldName(name);
    byIdValue(g, ids, values);
  }

  private static void byIdValue(JsonGenerator g, String[] ids, double[] values) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < ids.length; i++) {
      g.writeFieldName(ids[i]);
      value(g, values[i]);
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  /** A number field, or {@code null} when the value is not finite. */
  static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    value(g, v);
  }

  /** A number, or {@code null} when it is not finite. */
  static void value(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }
}
