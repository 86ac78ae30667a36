package io.cocogen.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocogen.api.Checks;
import io.cocogen.api.Competition;
import io.cocogen.api.CompetitionModel;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tree-model decoder of {@code cocogen.scenario/v1}. Checks the document's shape here, with JSON paths;
 * leaves value ranges to the api constructors and rewrites their field paths into JSON paths.
 */
final class ScenarioDecoder {
  static final List<String> ROOT_FIELDS =
      List.of("schema", "description", "competition", "performance", "organizations", "targetDistribution", "budget");
  static final List<String> COMPETITION_KINDS = List.of("uniform", "segments", "sparse", "dense", "none");
  static final List<String> COMPETITION_FIELDS =
      List.of("theta", "uniform", "segments", "sparse", "dense", "none");
  static final List<String> SEGMENT_FIELDS = List.of("of", "within", "across");
  static final List<String> RIVALRY_FIELDS = List.of("org", "rival", "gamma");
  static final List<String> PERFORMANCE_FIELDS =
      List.of("model", "referenceLoss", "lossFloor", "scale", "exponent", "drift", "mismatch");
  static final List<String> ORGANIZATION_FIELDS = List.of("id", "realSamples", "skew", "labelHistogram", "quality",
      "unitCost", "quadraticCost", "capacity", "marketValue");

  private static final int MAX_RENDERED = 80;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<Organization> organizations = new ArrayList<>();

  private ScenarioDecoder() {}

  static RoundGame decode(JsonNode root) {
    return new ScenarioDecoder().run(root);
  }

  private RoundGame run(JsonNode rootNode) {
    if (rootNode == null || rootNode.isMissingNode()) {
      throw new ScenarioFormatException("$", "the document is empty: a scenario is a JSON object");
    }
    ObjectNode root = object(rootNode, "$");
    // Schema first: a document of another version should be told so, not about its unknown fields.
    schema(root);
    onlyFields(root, "", ROOT_FIELDS);
    if (root.has("description")) {
      string(root.get("description"), "description");
    }
    readOrganizations(root);
    double[] target = null;
    if (root.has("targetDistribution")) {
      target = numbers(root.get("targetDistribution"), "targetDistribution");
    }
    checkHistogramLengths(target);

    RoundGame.Builder builder = RoundGame.builder().organizations(organizations).targetDistribution(target);
    ObjectNode competition = object(required(root, "", "competition"), "competition");
    readCompetition(competition, builder);
    if (root.has("performance")) {
      builder.performance(readPerformance(object(root.get("performance"), "performance"), classCount(target)));
    }
    if (root.has("budget")) {
      builder.budget(number(root.get("budget"), "budget"));
    }
    try {
      return builder.build();
    } catch (InvalidModelException e) {
      throw translate(e);
    }
  }

  private static void schema(ObjectNode root) {
    JsonNode s = root.get("schema");
    if (s == null) {
      throw new ScenarioFormatException("schema", "is required (expected \"" + ScenarioCodec.SCHEMA + "\")");
    }
    if (!s.isTextual() || !s.textValue().equals(ScenarioCodec.SCHEMA)) {
      throw new ScenarioFormatException("schema", render(s),
          "unsupported schema: expected \"" + ScenarioCodec.SCHEMA + "\"");
    }
  }

  // ---- organizations -------------------------------------------------------------------------------

  private void readOrganizations(ObjectNode root) {
    JsonNode list = required(root, "", "organizations");
    if (!list.isArray()) {
      throw typeError("organizations", list, "an array of organizations");
    }
    if (list.isEmpty()) {
      throw new InvalidModelException("organizations", "the federation is empty: at least one organization is required");
    }
    for (int i = 0; i < list.size(); i++) {
      organizations.add(readOrganization(list.get(i), "organizations[" + i + "]", i));
    }
  }

  private Organization readOrganization(JsonNode node, String path, int i) {
    ObjectNode o = object(node, path);
    onlyFields(o, path, ORGANIZATION_FIELDS);
    JsonNode idNode = required(o, path, "id");
    String id = string(idNode, path + ".id");
    if (id.isBlank()) {
      throw new InvalidModelException(path + ".id", render(idNode), "must be a non-blank string");
    }
    Integer first = index.putIfAbsent(id, i);
    if (first != null) {
      throw new InvalidModelException(path + ".id", render(idNode),
          "duplicate id (organizations[" + first + "] has it already)");
    }
    double realSamples = number(required(o, path, "realSamples"), path + ".realSamples");
    boolean hasSkew = o.has("skew");
    boolean hasHistogram = o.has("labelHistogram");
    if (hasSkew == hasHistogram) {
      throw new ScenarioFormatException(path, "organization \"" + id + "\": give exactly one of skew and labelHistogram (got "
          + (hasSkew ? "both" : "neither") + ")");
    }
    Double skew = hasSkew ? number(o.get("skew"), path + ".skew") : null;
    double[] histogram = hasHistogram ? numbers(o.get("labelHistogram"), path + ".labelHistogram") : null;
    double quality = optionalNumber(o, path, "quality", 1.0);
    double unitCost = number(required(o, path, "unitCost"), path + ".unitCost");
    double quadraticCost = optionalNumber(o, path, "quadraticCost", 0.0);
    double capacity = number(required(o, path, "capacity"), path + ".capacity");
    double marketValue = number(required(o, path, "marketValue"), path + ".marketValue");
    try {
      return new Organization(id, realSamples, histogram, skew, quality, unitCost, quadraticCost, capacity,
          marketValue);
    } catch (InvalidModelException e) {
      throw translate(e);
    }
  }

  /** All histograms must have the target's class count, or the first histogram's when there is no target. */
  private void checkHistogramLengths(double[] target) {
    int reference = -1;
    String referenceName = null;
    if (target != null) {
      reference = target.length;
      referenceName = "targetDistribution";
    }
    for (int i = 0; i < organizations.size(); i++) {
      double[] h = organizations.get(i).labelHistogram();
      if (h == null) {
        continue;
      }
      if (reference < 0) {
        reference = h.length;
        referenceName = "organizations[" + i + "].labelHistogram";
      } else if (h.length != reference) {
        throw new InvalidModelException("organizations[" + i + "].labelHistogram", h,
            "has " + h.length + " classes but " + referenceName + " has " + reference
                + " (organization \"" + organizations.get(i).id() + "\")");
      }
    }
  }

  private int classCount(double[] target) {
    if (target != null) {
      return target.length;
    }
    for (Organization o : organizations) {
      if (o.labelHistogram() != null) {
        return o.labelHistogram().length;
      }
    }
    return 10;
  }

  // ---- competition ---------------------------------------------------------------------------------

  private void readCompetition(ObjectNode c, RoundGame.Builder builder) {
    onlyFields(c, "competition", COMPETITION_FIELDS);
    double theta = optionalNumber(c, "competition", "theta", 0.0);
    builder.competitionModel(new CompetitionModel(theta));
    List<String> kinds = new ArrayList<>();
    for (String k : COMPETITION_KINDS) {
      if (c.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.size() > 1) {
      throw new ScenarioFormatException("competition",
          "give at most one of " + String.join(", ", COMPETITION_KINDS) + " (got " + String.join(" and ", kinds) + ")");
    }
    String kind = kinds.isEmpty() ? "none" : kinds.get(0);
    switch (kind) {
      case "uniform":
        builder.competition(Competition.uniform(number(c.get("uniform"), "competition.uniform")));
        break;
      case "segments":
        builder.competition(readSegments(object(c.get("segments"), "competition.segments")));
        break;
      case "sparse":
        builder.competition(readSparse(c.get("sparse")));
        break;
      case "dense":
        builder.competition(readDense(c.get("dense")));
        break;
      default:
        JsonNode none = c.get("none");
        if (none != null && !(none.isBoolean() && none.booleanValue())) {
          throw new ScenarioFormatException("competition.none", render(none),
              "must be true (omit every kind for no competition)");
        }
        builder.competition(Competition.none());
    }
  }

  private Competition readSegments(ObjectNode s) {
    String path = "competition.segments";
    onlyFields(s, path, SEGMENT_FIELDS);
    ObjectNode of = object(required(s, path, "of"), path + ".of");
    Map<String, String> segmentOf = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : of.properties()) {
      String key = path + ".of." + e.getKey();
      if (!index.containsKey(e.getKey())) {
        throw new InvalidModelException(key, quote(e.getKey()), "unknown organization id");
      }
      String segment = string(e.getValue(), key);
      if (segment.isBlank()) {
        throw new InvalidModelException(key, render(e.getValue()), "segment name must be a non-blank string");
      }
      segmentOf.put(e.getKey(), segment);
    }
    for (int i = 0; i < organizations.size(); i++) {
      String id = organizations.get(i).id();
      if (!segmentOf.containsKey(id)) {
        throw new InvalidModelException(path + ".of", quote(id),
            "organization (organizations[" + i + "]) has no segment: every organization needs one");
      }
    }
    double within = number(required(s, path, "within"), path + ".within");
    double across = number(required(s, path, "across"), path + ".across");
    return Competition.segments(segmentOf, within, across);
  }

  private Competition readSparse(JsonNode node) {
    String path = "competition.sparse";
    if (!node.isArray()) {
      throw typeError(path, node, "an array of {\"org\", \"rival\", \"gamma\"} objects");
    }
    List<Competition.Rivalry> list = new ArrayList<>(node.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int e = 0; e < node.size(); e++) {
      String p = path + "[" + e + "]";
      ObjectNode r = object(node.get(e), p);
      onlyFields(r, p, RIVALRY_FIELDS);
      String org = knownId(required(r, p, "org"), p + ".org");
      String rival = knownId(required(r, p, "rival"), p + ".rival");
      if (org.equals(rival)) {
        throw new InvalidModelException(p + ".rival", quote(rival), "an organization cannot compete with itself");
      }
      Integer before = seen.putIfAbsent(org + "\u0000" + rival, e);
      if (before != null) {
        throw new InvalidModelException(p, quote(org) + " -> " + quote(rival),
            "duplicate rivalry (" + path + "[" + before + "] has the same org and rival)");
      }
      double gamma = Checks.nonNegative(p + ".gamma", number(required(r, p, "gamma"), p + ".gamma"));
      list.add(new Competition.Rivalry(org, rival, gamma));
    }
    return Competition.sparse(list);
  }

  private Competition readDense(JsonNode node) {
    String path = "competition.dense";
    int n = organizations.size();
    if (!node.isArray()) {
      throw typeError(path, node, "an array of rows (arrays of numbers)");
    }
    if (node.size() != n) {
      throw new InvalidModelException(path, node.size() + " rows",
          "must have one row per organization (" + n + "), in the order of organizations");
    }
    double[][] gamma = new double[n][];
    for (int i = 0; i < n; i++) {
      String p = path + "[" + i + "]";
      gamma[i] = numbers(node.get(i), p);
      if (gamma[i].length != n) {
        throw new InvalidModelException(p, gamma[i],
            "has " + gamma[i].length + " entries but the matrix must be square, " + n + " x " + n);
      }
    }
    return Competition.dense(gamma);
  }

  private String knownId(JsonNode node, String path) {
    String id = string(node, path);
    if (!index.containsKey(id)) {
      throw new InvalidModelException(path, render(node), "unknown organization id");
    }
    return id;
  }

  // ---- performance -------------------------------------------------------------------------------

  private static ScalingLawModel readPerformance(ObjectNode p, int classes) {
    onlyFields(p, "performance", PERFORMANCE_FIELDS);
    if (p.has("model")) {
      String model = string(p.get("model"), "performance.model");
      if (!model.equals(ScalingLawModel.NAME)) {
        throw new InvalidModelException("performance.model", render(p.get("model")),
            "unknown performance model: the only one is \"" + ScalingLawModel.NAME + "\"");
      }
    }
    ScalingLawModel d = ScalingLawModel.defaults(classes);
    return new ScalingLawModel(
        optionalNumber(p, "performance", "referenceLoss", d.referenceLoss()),
        optionalNumber(p, "performance", "lossFloor", d.lossFloor()),
        optionalNumber(p, "performance", "scale", d.scale()),
        optionalNumber(p, "performance", "exponent", d.exponent()),
        optionalNumber(p, "performance", "drift", d.drift()),
        optionalNumber(p, "performance", "mismatch", d.mismatch()));
  }

  // ---- JSON helpers --------------------------------------------------------------------------------

  private static ObjectNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw typeError(path, node, "an object");
    }
    return (ObjectNode) node;
  }

  private static JsonNode required(ObjectNode o, String path, String name) {
    JsonNode v = o.get(name);
    if (v == null) {
      throw new ScenarioFormatException(child(path, name), "is required");
    }
    return v;
  }

  private static void onlyFields(ObjectNode o, String path, List<String> allowed) {
    for (Map.Entry<String, JsonNode> property : o.properties()) {
      String name = property.getKey();
      if (!allowed.contains(name)) {
        String hint = closest(name, allowed);
        throw new ScenarioFormatException(child(path, name), "unknown field"
            + (hint != null ? " (did you mean \"" + hint + "\"?)" : "") + "; allowed here: " + String.join(", ", allowed));
      }
    }
  }

  private static double optionalNumber(ObjectNode o, String path, String name, double fallback) {
    JsonNode v = o.get(name);
    return v == null ? fallback : number(v, child(path, name));
  }

  /** A finite JSON number; strings such as {@code "NaN"} or {@code "1.5"} are rejected. */
  static double number(JsonNode node, String path) {
    if (node.isNumber()) {
      double v = node.doubleValue();
      if (!Double.isFinite(v)) {
        throw new InvalidModelException(path, "the number is beyond the range of a double: must be a finite number");
      }
      return v;
    }
    if (node.isTextual()) {
      String t = node.textValue().trim().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("nan") || t.contains("inf")) {
        throw new ScenarioFormatException(path, render(node),
            "must be a finite JSON number: NaN and Infinity are not allowed, in any spelling");
      }
    }
    throw typeError(path, node, "a number");
  }

  private static double[] numbers(JsonNode node, String path) {
    if (!node.isArray()) {
      throw typeError(path, node, "an array of numbers");
    }
    ArrayNode a = (ArrayNode) node;
    double[] v = new double[a.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = number(a.get(k), path + "[" + k + "]");
    }
    return v;
  }

  private static String string(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw typeError(path, node, "a string");
    }
    return node.textValue();
  }

  private static ScenarioFormatException typeError(String path, JsonNode node, String expected) {
    return new ScenarioFormatException(path, render(node), "must be " + expected + ", got " + typeOf(node));
  }

  private static String typeOf(JsonNode n) {
    switch (n.getNodeType()) {
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case ARRAY: return "an array";
      case OBJECT: return "an object";
      case NULL: return "null (omit an optional field instead)";
      default: return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The node as JSON text (strings quoted), shortened for messages. */
  static String render(JsonNode node) {
    String s = node.toString();
    return s.length() <= MAX_RENDERED ? s : s.substring(0, MAX_RENDERED) + "...";
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  /** The allowed name within edit distance 2 of a misspelt one, or null. */
  private static String closest(String name, List<String> allowed) {
    String best = null;
    int bestDistance = 3;
    for (String a : allowed) {
      int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), a.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * Rewrites an api path {@code organizations[<id>].field} into the JSON path
   * {@code organizations[<index>].field} and names the organization; other paths already are JSON paths.
   */
  private InvalidModelException translate(InvalidModelException e) {
    String field = e.field();
    String prefix = "organizations[";
    if (field == null || !field.startsWith(prefix)) {
      return e;
    }
    String matchedId = null;
    for (String id : index.keySet()) {
      if (field.startsWith(prefix + id + "]") && (matchedId == null || id.length() > matchedId.length())) {
        matchedId = id;
      }
    }
    if (matchedId == null) {
      return e;
    }
    String jsonField = prefix + index.get(matchedId) + field.substring(prefix.length() + matchedId.length());
    String head = field + (e.value() == null ? "" : " = " + e.value()) + ": ";
    String message = e.getMessage();
    String problem = message.startsWith(head) ? message.substring(head.length()) : message;
    problem += " (organization " + quote(matchedId) + ")";
    InvalidModelException t = e.value() == null
        ? new InvalidModelException(jsonField, problem)
        : new InvalidModelException(jsonField, e.value(), problem);
    t.initCause(e);
    return t;
  }
}
