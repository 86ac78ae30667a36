package io.cocogen.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocogen.api.InvalidModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad scenario is an {@link InvalidModelException} (a {@link ScenarioFormatException} for problems with
 * the document itself) whose message names the JSON path and the rejected value.
 */
class ScenarioCodecErrorTest {
  static final ScenarioCodec CODEC = new ScenarioCodec();
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Class<ScenarioFormatException> FORMAT = ScenarioFormatException.class;
  static final Class<InvalidModelException> MODEL = InvalidModelException.class;

  static final String VALID = """
      {
        "schema": "cocogen.scenario/v1",
        "description": "three insurers",
        "competition": {
          "theta": 0.5,
          "segments": {"of": {"a": "retail", "b": "retail", "c": "insurance"}, "within": 0.3, "across": 0.05}
        },
        "performance": {"model": "scaling-law", "referenceLoss": 1.3862943611198906, "lossFloor": 0.2, "scale": 5.0,
                        "exponent": 0.3, "drift": 0.5, "mismatch": 0.4},
        "organizations": [
          {"id": "a", "realSamples": 6000, "skew": 0.35, "quality": 0.8, "unitCost": 1e-5,
           "quadraticCost": 0.0, "capacity": 20000, "marketValue": 100.0},
          {"id": "b", "realSamples": 4000, "labelHistogram": [100, 200, 300, 3400], "quality": 0.7,
           "unitCost": 2e-5, "capacity": 10000, "marketValue": 150},
          {"id": "c", "realSamples": 9000, "labelHistogram": [2000, 2500, 2000, 2500], "quality": 0.9,
           "unitCost": 5e-6, "capacity": 5000, "marketValue": 80}
        ],
        "targetDistribution": [0.25, 0.25, 0.25, 0.25],
        "budget": 50000
      }
      """;

  @Test
  void theBaseScenarioIsValid() {
    assertThat(CODEC.read(VALID).size()).isEqualTo(3);
  }

  static ObjectNode org(ObjectNode root, int i) {
    return (ObjectNode) root.get("organizations").get(i);
  }

  static ObjectNode obj(ObjectNode parent, String name) {
    return (ObjectNode) parent.get(name);
  }

  static ObjectNode competition(ObjectNode root) {
    return (ObjectNode) root.get("competition");
  }

  /** Replaces the competition kind, keeping θ. */
  static ObjectNode kind(ObjectNode root, String kind, String json) {
    ObjectNode c = competition(root);
    c.remove("segments");
    c.set(kind, parse(json));
    return c;
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static final List<Arguments> CASES = new ArrayList<>();

  /** A case built by editing the valid document's tree. */
  static void edit(String name, Consumer<ObjectNode> edit, Class<? extends InvalidModelException> type, String field,
      String value, String problem) {
    ObjectNode root = (ObjectNode) parse(VALID);
    edit.accept(root);
    CASES.add(Arguments.of(name, root.toString(), type, field, value, problem));
  }

  /** A case given as raw text. */
  static void text(String name, String json, Class<? extends InvalidModelException> type, String field, String value,
      String problem) {
    CASES.add(Arguments.of(name, json, type, field, value, problem));
  }

  static String replace(String target, String replacement) {
    assertThat(VALID).contains(target);
    return VALID.replace(target, replacement);
  }

  static {
    // Malformed JSON, with the position.
    text("unclosed document", VALID.substring(0, VALID.lastIndexOf('}')), FORMAT, "budget", null, "Unexpected end-of-input");
    text("trailing comma", replace("\"budget\": 50000", "\"budget\": 50000,"), FORMAT, "budget", null, "malformed JSON");
    text("trailing garbage", VALID + " {}", FORMAT, "$", null, "malformed JSON");
    text("empty document", "  ", FORMAT, "$", null, "empty");
    text("root is an array", "[1, 2]", FORMAT, "$", "[1,2]", "must be an object");
    text("duplicate key", replace("\"budget\": 50000", "\"budget\": 50000, \"budget\": 1"), FORMAT, "budget", null,
        "Duplicate field 'budget'");
    text("bare NaN", replace("\"quality\": 0.7", "\"quality\": NaN"), FORMAT, "organizations[1].quality", "NaN",
        "NaN and Infinity are not allowed");
    text("bare Infinity", replace("\"budget\": 50000", "\"budget\": Infinity"), FORMAT, "budget", "Infinity",
        "NaN and Infinity are not allowed");
    text("bare -Infinity", replace("\"within\": 0.3", "\"within\": -Infinity"), FORMAT, "competition.segments.within",
        "-Infinity", "NaN and Infinity are not allowed");
    text("NaN in a histogram", replace("[100, 200, 300, 3400]", "[100, NaN, 300, 3400]"), FORMAT,
        "organizations[1].labelHistogram[1]", "NaN", "not allowed");
    text("number beyond double", replace("\"budget\": 50000", "\"budget\": 1e400"), MODEL, "budget", null,
        "must be a finite number");

    // Schema.
    edit("missing schema", r -> r.remove("schema"), FORMAT, "schema", null, "is required");
    edit("wrong schema", r -> r.put("schema", "cocogen.scenario/v2"), FORMAT, "schema", "\"cocogen.scenario/v2\"",
        "unsupported schema");
    edit("future schema with new fields", r -> {
      r.put("schema", "cocogen.scenario/v2");
      r.put("rounds", 3);
    }, FORMAT, "schema", "\"cocogen.scenario/v2\"", "unsupported schema");
    edit("schema not a string", r -> r.put("schema", 1), FORMAT, "schema", "1", "unsupported schema");

    // Unknown fields at every level.
    edit("unknown root field", r -> r.put("budjet", 1), FORMAT, "budjet", null, "did you mean \"budget\"");
    edit("unknown organization field", r -> org(r, 1).put("qualty", 0.5), FORMAT, "organizations[1].qualty", null,
        "did you mean \"quality\"");
    edit("unknown competition field", r -> competition(r).put("thta", 0.5), FORMAT, "competition.thta", null,
        "unknown field");
    edit("unknown segments field", r -> obj(competition(r), "segments").put("inside", 0.5), FORMAT,
        "competition.segments.inside", null, "unknown field");
    edit("unknown rivalry field", r -> kind(r, "sparse", "[{\"org\":\"a\",\"rival\":\"b\",\"gamma\":0.1,\"weight\":2}]"),
        FORMAT, "competition.sparse[0].weight", null, "unknown field");
    edit("unknown performance field", r -> obj(r, "performance").put("alpha", 1), FORMAT, "performance.alpha", null,
        "unknown field");

    // Missing required fields.
    for (String f : new String[] {"id", "realSamples", "unitCost", "capacity", "marketValue"}) {
      edit("missing " + f, r -> org(r, 2).remove(f), FORMAT, "organizations[2]." + f, null, "is required");
    }
    edit("missing organizations", r -> r.remove("organizations"), FORMAT, "organizations", null, "is required");
    edit("missing competition", r -> r.remove("competition"), FORMAT, "competition", null, "is required");
    edit("missing segments.within", r -> obj(competition(r), "segments").remove("within"), FORMAT,
        "competition.segments.within", null, "is required");
    edit("missing rivalry gamma", r -> kind(r, "sparse", "[{\"org\":\"a\",\"rival\":\"b\"}]"), FORMAT,
        "competition.sparse[0].gamma", null, "is required");
    edit("skew and histogram", r -> org(r, 1).put("skew", 0.2), FORMAT, "organizations[1]", null, "got both");
    edit("neither skew nor histogram", r -> org(r, 0).remove("skew"), FORMAT, "organizations[0]", null, "got neither");

    // Wrong JSON types.
    edit("string for a number", r -> org(r, 0).put("realSamples", "6000"), FORMAT, "organizations[0].realSamples",
        "\"6000\"", "must be a number, got a string");
    edit("string NaN", r -> org(r, 0).put("unitCost", "NaN"), FORMAT, "organizations[0].unitCost", "\"NaN\"",
        "NaN and Infinity are not allowed");
    edit("string Infinity", r -> org(r, 0).put("capacity", "-Infinity"), FORMAT, "organizations[0].capacity",
        "\"-Infinity\"", "not allowed");
    edit("boolean for a number", r -> r.put("budget", true), FORMAT, "budget", "true", "got a boolean");
    edit("null for a number", r -> org(r, 2).putNull("marketValue"), FORMAT, "organizations[2].marketValue", "null",
        "got null");
    edit("number for an id", r -> org(r, 0).put("id", 7), FORMAT, "organizations[0].id", "7", "must be a string");
    edit("organizations not an array", r -> r.put("organizations", "a,b"), FORMAT, "organizations", "\"a,b\"",
        "must be an array");
    edit("organization not an object", r -> ((ArrayNode) r.get("organizations")).set(1, 5), FORMAT,
        "organizations[1]", "5", "must be an object");
    edit("histogram not an array", r -> org(r, 1).put("labelHistogram", 4), FORMAT, "organizations[1].labelHistogram",
        "4", "must be an array of numbers");
    edit("competition not an object", r -> r.put("competition", "uniform"), FORMAT, "competition", "\"uniform\"",
        "must be an object");
    edit("target not an array", r -> r.put("targetDistribution", "uniform"), FORMAT, "targetDistribution",
        "\"uniform\"", "must be an array");
    edit("description not a string", r -> r.put("description", 3), FORMAT, "description", "3", "must be a string");
    edit("segment name not a string", r -> obj(obj(competition(r), "segments"), "of").put("c", 2), FORMAT,
        "competition.segments.of.c", "2", "must be a string");

    // Organizations: ranges (checked by the api, reported at the JSON path with the id).
    edit("quality above 1", r -> org(r, 2).put("quality", 1.5), MODEL, "organizations[2].quality", "1.5",
        "must be in (0.0, 1.0] (organization \"c\")");
    edit("quality 0", r -> org(r, 0).put("quality", 0), MODEL, "organizations[0].quality", "0.0", "must be in (0.0, 1.0]");
    edit("negative realSamples", r -> org(r, 1).put("realSamples", -5), MODEL, "organizations[1].realSamples", "-5.0",
        "must be > 0 (organization \"b\")");
    edit("negative capacity", r -> org(r, 0).put("capacity", -1), MODEL, "organizations[0].capacity", "-1.0",
        "must be >= 0");
    edit("negative unitCost", r -> org(r, 0).put("unitCost", -1e-5), MODEL, "organizations[0].unitCost", "-1.0E-5",
        "must be >= 0");
    edit("zero marketValue", r -> org(r, 0).put("marketValue", 0), MODEL, "organizations[0].marketValue", "0.0",
        "must be > 0");
    edit("skew above 1", r -> org(r, 0).put("skew", 1.5), MODEL, "organizations[0].skew", "1.5", "must be in [0.0, 1.0]");
    edit("negative histogram count", r -> ((ArrayNode) org(r, 2).get("labelHistogram")).set(3, -1), MODEL,
        "organizations[2].labelHistogram[3]", "-1.0", "must be >= 0");
    edit("blank id", r -> org(r, 1).put("id", " "), MODEL, "organizations[1].id", "\" \"", "non-blank");
    edit("duplicate id", r -> org(r, 2).put("id", "a"), MODEL, "organizations[2].id", "\"a\"",
        "duplicate id (organizations[0] has it already)");
    edit("empty organizations", r -> ((ArrayNode) r.get("organizations")).removeAll(), MODEL, "organizations", null,
        "at least one organization");

    // Histograms and target.
    edit("histogram shorter than target", r -> ((ArrayNode) org(r, 2).get("labelHistogram")).remove(3), MODEL,
        "organizations[2].labelHistogram", "[2000.0, 2500.0, 2000.0]", "has 3 classes but targetDistribution has 4");
    edit("histograms of different lengths", r -> {
      r.remove("targetDistribution");
      ((ArrayNode) org(r, 2).get("labelHistogram")).add(7);
    }, MODEL, "organizations[2].labelHistogram", "[2000.0, 2500.0, 2000.0, 2500.0, 7.0]",
        "has 5 classes but organizations[1].labelHistogram has 4");
    edit("target not summing to 1", r -> ((ArrayNode) r.get("targetDistribution")).set(0, 0.5), MODEL,
        "targetDistribution", "[0.5, 0.25, 0.25, 0.25]", "must sum to 1");
    edit("negative target entry", r -> r.set("targetDistribution", parse("[1.25, -0.25, 0, 0]")), MODEL,
        "targetDistribution[1]", "-0.25", "must be >= 0");

    // Competition.
    edit("theta above 1", r -> competition(r).put("theta", 1.5), MODEL, "competition.theta", "1.5",
        "must be in [0.0, 1.0]");
    edit("negative theta", r -> competition(r).put("theta", -0.1), MODEL, "competition.theta", "-0.1", "must be in");
    edit("two kinds", r -> competition(r).put("uniform", 0.3), FORMAT, "competition", null,
        "give at most one of uniform, segments, sparse, dense, none (got uniform and segments)");
    edit("none false", r -> kind(r, "none", "false"), FORMAT, "competition.none", "false", "must be true");
    edit("negative uniform", r -> kind(r, "uniform", "-0.3"), MODEL, "competition.uniform", "-0.3", "must be >= 0");
    edit("string uniform", r -> kind(r, "uniform", "\"0.3\""), FORMAT, "competition.uniform", "\"0.3\"",
        "must be a number");
    edit("unknown sparse rival", r -> kind(r, "sparse", "[{\"org\":\"a\",\"rival\":\"zz\",\"gamma\":0.1}]"), MODEL,
        "competition.sparse[0].rival", "\"zz\"", "unknown organization id");
    edit("unknown sparse org", r -> kind(r, "sparse",
        "[{\"org\":\"a\",\"rival\":\"b\",\"gamma\":0.1},{\"org\":\"q\",\"rival\":\"b\",\"gamma\":0.1}]"), MODEL,
        "competition.sparse[1].org", "\"q\"", "unknown organization id");
    edit("self rivalry", r -> kind(r, "sparse", "[{\"org\":\"b\",\"rival\":\"b\",\"gamma\":0.1}]"), MODEL,
        "competition.sparse[0].rival", "\"b\"", "cannot compete with itself");
    edit("duplicate rivalry", r -> kind(r, "sparse",
        "[{\"org\":\"a\",\"rival\":\"b\",\"gamma\":0.1},{\"org\":\"a\",\"rival\":\"b\",\"gamma\":0.2}]"), MODEL,
        "competition.sparse[1]", "\"a\" -> \"b\"", "duplicate rivalry (competition.sparse[0]");
    edit("negative sparse gamma", r -> kind(r, "sparse", "[{\"org\":\"a\",\"rival\":\"b\",\"gamma\":-0.1}]"), MODEL,
        "competition.sparse[0].gamma", "-0.1", "must be >= 0");
    edit("sparse not an array", r -> kind(r, "sparse", "{}"), FORMAT, "competition.sparse", "{}", "must be an array");
    edit("unknown segment member", r -> obj(obj(competition(r), "segments"), "of").put("zz", "retail"), MODEL,
        "competition.segments.of.zz", "\"zz\"", "unknown organization id");
    edit("organization without segment", r -> obj(obj(competition(r), "segments"), "of").remove("b"), MODEL,
        "competition.segments.of", "\"b\"", "has no segment");
    edit("negative within", r -> obj(competition(r), "segments").put("within", -0.3), MODEL,
        "competition.segments.within", "-0.3", "must be >= 0");
    edit("dense wrong row count", r -> kind(r, "dense", "[[0, 0.1], [0.1, 0]]"), MODEL, "competition.dense", "2 rows",
        "one row per organization (3)");
    edit("dense not square", r -> kind(r, "dense", "[[0, 0.1, 0], [0.1, 0], [0, 0, 0]]"), MODEL, "competition.dense[1]",
        "[0.1, 0.0]", "must be square, 3 x 3");
    edit("dense negative", r -> kind(r, "dense", "[[0, 0.1, 0], [0.1, 0, -0.2], [0, 0, 0]]"), MODEL,
        "competition.dense[1][2]", "-0.2", "must be >= 0");
    edit("dense diagonal", r -> kind(r, "dense", "[[0, 0.1, 0], [0.1, 0, 0], [0, 0, 0.3]]"), MODEL,
        "competition.dense[2][2]", "0.3", "diagonal must be 0");
    edit("dense row not an array", r -> kind(r, "dense", "[[0, 0.1, 0], 0.1, [0, 0, 0]]"), FORMAT,
        "competition.dense[1]", "0.1", "must be an array");

    // Performance and budget.
    edit("unknown performance model", r -> obj(r, "performance").put("model", "mlp"), MODEL, "performance.model",
        "\"mlp\"", "the only one is \"scaling-law\"");
    edit("zero scale", r -> obj(r, "performance").put("scale", 0), MODEL, "performance.scale", "0.0", "must be > 0");
    edit("negative exponent", r -> obj(r, "performance").put("exponent", -0.3), MODEL, "performance.exponent", "-0.3",
        "must be > 0");
    edit("negative budget", r -> r.put("budget", -1), MODEL, "budget", "-1.0", "must be >= 0");
    edit("string budget", r -> r.put("budget", "50000"), FORMAT, "budget", "\"50000\"", "must be a number");
  }

  static Stream<Arguments> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badScenarioNamesFieldAndValue(String name, String json, Class<? extends InvalidModelException> type, String field,
      String value, String problem) {
    InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> CODEC.read(json));
    assertThat(e).as("an exception for: %s", name).isNotNull();
    assertThat(e).isInstanceOf(type);
    if (type == MODEL) {
      assertThat(e).as("a model problem, not a format problem").isNotInstanceOf(FORMAT);
    }
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field).contains(problem);
    if (value != null) {
      assertThat(e.value()).isEqualTo(value);
      assertThat(e.getMessage()).startsWith(field + " = " + value + ": ");
    }
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    String json = replace("\"quality\": 0.7", "\"quality\": NaN");
    ScenarioFormatException e = catchThrowableOfType(ScenarioFormatException.class, () -> CODEC.read(json));
    String[] lines = json.split("\n", -1);
    int line = 0;
    while (!lines[line].contains("NaN")) {
      line++;
    }
    assertThat(e.line()).isEqualTo(line + 1);
    assertThat(e.column()).isGreaterThan(lines[line].indexOf("NaN"));
    assertThat(e.getMessage()).contains("(line " + (line + 1) + ", column " + e.column() + ")");

    ScenarioFormatException unclosed = catchThrowableOfType(ScenarioFormatException.class,
        () -> CODEC.read("{\"schema\": \"cocogen.scenario/v1\",\n \"budget\": [1, 2"));
    assertThat(unclosed.line()).isEqualTo(2);
    assertThat(unclosed.getMessage()).doesNotContain("Source:").doesNotContain("REDACTED");

    ScenarioFormatException semantic = catchThrowableOfType(ScenarioFormatException.class,
        () -> CODEC.read("{\"schema\": \"x\"}"));
    assertThat(semantic.line()).isEqualTo(-1);
  }
}
