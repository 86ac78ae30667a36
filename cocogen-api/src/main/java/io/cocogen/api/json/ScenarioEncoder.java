package io.cocogen.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocogen.api.Competition;
import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.Organization;
import io.cocogen.api.QuadraticCost;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import java.util.Map;

/** Tree-model encoder of {@code cocogen.scenario/v1}; the inverse of {@link ScenarioDecoder}. */
final class ScenarioEncoder {
  /** Integral values below this are written without a fraction; exact as doubles. */
  private static final double INTEGRAL_LIMIT = 1e15;

  private final JsonNodeFactory nodes;

  private ScenarioEncoder(JsonNodeFactory nodes) {
    this.nodes = nodes;
  }

  static ObjectNode encode(RoundGame game, JsonNodeFactory nodes) {
    return new ScenarioEncoder(nodes).run(game);
  }

  private ObjectNode run(RoundGame game) {
    if (!(game.performanceModel() instanceof ScalingLawModel law)) {
      throw new IllegalArgumentException("cannot write performance model \"" + game.performanceModel().name()
          + "\" (" + game.performanceModel().getClass().getName() + "): " + ScenarioCodec.SCHEMA
          + " only describes the \"" + ScalingLawModel.NAME + "\" model");
    }
    if (!(game.costModel() instanceof QuadraticCost)) {
      throw new IllegalArgumentException("cannot write cost model \"" + game.costModel().name() + "\" ("
          + game.costModel().getClass().getName() + "): " + ScenarioCodec.SCHEMA
          + " only describes the quadratic cost from unitCost and quadraticCost");
    }
    ObjectNode root = nodes.objectNode();
    root.put("schema", ScenarioCodec.SCHEMA);
    root.set("competition", competition(game));
    ObjectNode p = root.putObject("performance");
    p.put("model", ScalingLawModel.NAME);
    put(p, "referenceLoss", law.referenceLoss());
    put(p, "lossFloor", law.lossFloor());
    put(p, "scale", law.scale());
    put(p, "exponent", law.exponent());
    put(p, "drift", law.drift());
    put(p, "mismatch", law.mismatch());
    ArrayNode orgs = root.putArray("organizations");
    for (Organization o : game.federation().organizations()) {
      orgs.add(organization(o));
    }
    double[] target = game.federation().targetDistribution();
    if (target != null) {
      root.set("targetDistribution", array(target));
    }
    if (game.hasBudget()) {
      put(root, "budget", game.budget());
    }
    return root;
  }

  private ObjectNode organization(Organization o) {
    ObjectNode n = nodes.objectNode();
    n.put("id", o.id());
    put(n, "realSamples", o.realSamples());
    if (o.labelHistogram() != null) {
      n.set("labelHistogram", array(o.labelHistogram()));
    } else {
      put(n, "skew", o.skew());
    }
    put(n, "quality", o.quality());
    put(n, "unitCost", o.unitCost());
    put(n, "quadraticCost", o.quadraticCost());
    put(n, "capacity", o.capacity());
    put(n, "marketValue", o.marketValue());
    return n;
  }

  private ObjectNode competition(RoundGame game) {
    ObjectNode c = nodes.objectNode();
    put(c, "theta", game.theta());
    Competition spec = game.competition();
    if (spec == null) {
      c.set("dense", denseFromStructure(game));
    } else if (spec instanceof Competition.None) {
      c.put("none", true);
    } else if (spec instanceof Competition.Uniform u) {
      put(c, "uniform", u.gammaBar());
    } else if (spec instanceof Competition.Segments s) {
      ObjectNode seg = c.putObject("segments");
      ObjectNode of = seg.putObject("of");
      for (Map.Entry<String, String> e : s.of().entrySet()) {
        of.put(e.getKey(), e.getValue());
      }
      put(seg, "within", s.within());
      put(seg, "across", s.across());
    } else if (spec instanceof Competition.Sparse s) {
      ArrayNode list = c.putArray("sparse");
      for (Competition.Rivalry r : s.rivalries()) {
        ObjectNode e = list.addObject();
        e.put("org", r.org());
        e.put("rival", r.rival());
        put(e, "gamma", r.gamma());
      }
    } else if (spec instanceof Competition.Dense d) {
      ArrayNode rows = c.putArray("dense");
      for (double[] row : d.gamma()) {
        rows.add(array(row));
      }
    } else {
      throw new IllegalArgumentException("cannot write competition kind " + spec.kind());
    }
    return c;
  }

  /** A game built by index has no ids in its competition: spell out the matrix while that is reasonable. */
  private ArrayNode denseFromStructure(RoundGame game) {
    int n = game.size();
    if (n > ScenarioCodec.MAX_DENSE_WRITE) {
      throw new IllegalArgumentException("cannot write the competition of a game built by index with " + n
          + " organizations: as a dense matrix it would have " + ((long) n * n) + " entries (at most "
          + ScenarioCodec.MAX_DENSE_WRITE + " organizations are written that way); build the game from an"
          + " id-based Competition (uniform, segments, sparse) to write it");
    }
    CompetitionStructure s = game.competitionStructure();
    ArrayNode rows = nodes.arrayNode(n);
    for (int i = 0; i < n; i++) {
      ArrayNode row = rows.addArray();
      for (int j = 0; j < n; j++) {
        row.add(number(s.gamma(i, j)));
      }
    }
    return rows;
  }

  private ArrayNode array(double[] values) {
    ArrayNode a = nodes.arrayNode(values.length);
    for (double v : values) {
      a.add(number(v));
    }
    return a;
  }

  private void put(ObjectNode o, String name, double v) {
    o.set(name, number(v));
  }

  /** Integral values as JSON integers for readability (6000, not 6000.0); both parse back to the same double. */
  private com.fasterxml.jackson.databind.node.ValueNode number(double v) {
    boolean negativeZero = Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0);
    if (!negativeZero && v == Math.rint(v) && Math.abs(v) < INTEGRAL_LIMIT) {
      return nodes.numberNode((long) v);
    }
    return nodes.numberNode(v);
  }
}
