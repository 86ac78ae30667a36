package io.cocogen.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes round games as {@code cocogen.scenario/v1} JSON documents (see
 * {@code docs/scenario-schema.md}).
 *
 * <p>Reading validates everything and never clamps: every problem is an {@link InvalidModelException}
 * whose message names the JSON path and the rejected value, e.g.
 * {@code organizations[2].quality = 1.5: must be in (0.0, 1.0] (organization "c")}. Problems with the
 * document itself (malformed JSON, schema, unknown or missing fields, wrong JSON types) are the subclass
 * {@link ScenarioFormatException}. Unknown fields are rejected at every level, duplicate keys too.
 *
 * <p>Defaults for omitted optional fields: {@code quality} 1 (as in {@code Organization.builder}),
 * {@code quadraticCost} 0, {@code competition.theta} 0, no competition when no kind is given, the
 * {@code performance} parameters of {@code ScalingLawModel.defaults(K)} for the class count {@code K},
 * no target distribution (uniform) and no budget.
 *
 * <p>Writing is pretty-printed with full double precision, so {@code read(write(game))} has the same
 * organizations, competition, {@code θ}, performance model, target distribution and budget. A game built
 * by index ({@code competition() == null}) is written as a dense matrix when it has at most
 * {@value #MAX_DENSE_WRITE} organizations. Only the scaling-law performance model and the quadratic
 * cost can be written.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ScenarioCodec {

  /** The schema identifier every document must carry in its {@code schema} field. */
  public static final String SCHEMA = "cocogen.scenario/v1";

  /** Largest index-built game that {@link #write(RoundGame)} expands into a dense matrix. */
  public static final int MAX_DENSE_WRITE = 2000;

  private static final Pattern NON_STANDARD_TOKEN = Pattern.compile("Non-standard token '([^']*)'");
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  public ScenarioCodec() {
    mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // The caller owns a stream it hands in.
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    // Same bytes on every platform.
    pretty.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    writer = mapper.writer(pretty);
  }

  /** Decodes a scenario document. */
  public RoundGame read(String json) {
    Objects.requireNonNull(json, "json");
    return ScenarioDecoder.decode(parse(json, null));
  }

  /**
   * Decodes the scenario in {@code file} (UTF-8, UTF-16 or UTF-32 JSON).
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public RoundGame read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes the scenario read from {@code in} to its end. The stream is not closed.
   *
   * @throws UncheckedIOException when reading the stream fails
   */
  public RoundGame read(InputStream in) {
    Objects.requireNonNull(in, "in");
    return ScenarioDecoder.decode(parse(null, in));
  }

  /**
   * Encodes {@code game} as a pretty-printed scenario document.
   *
   * @throws IllegalArgumentException when the game uses a performance or cost model the schema cannot
   *     express, or was built by index with more than {@value #MAX_DENSE_WRITE} organizations
   */
  public String write(RoundGame game) {
    Objects.requireNonNull(game, "game");
    try {
      return writer.writeValueAsString(ScenarioEncoder.encode(game, mapper.getNodeFactory())) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the scenario: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes {@code game} to {@code file} (UTF-8), replacing it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void write(RoundGame game, Path file) {
    Objects.requireNonNull(file, "file");
    String text = write(game);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write scenario " + file + ": " + e.getMessage(), e);
    }
  }

  private JsonNode parse(String text, InputStream in) {
    try {
      return text != null ? mapper.readTree(text) : mapper.readTree(in);
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario: " + e.getMessage(), e);
    }
  }

  /** Turns Jackson's syntax error into one naming the JSON path, the line and the column. */
  private static ScenarioFormatException syntaxError(JsonProcessingException e) {
    String path = "$";
    if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
      path = pathOf(p.getParsingContext());
    }
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    String original = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    Matcher token = NON_STANDARD_TOKEN.matcher(original);
    if (token.find()) {
      return new ScenarioFormatException(path, token.group(1),
          "not a JSON number: NaN and Infinity are not allowed, give a finite number", line, column);
    }
    if (original.startsWith("Trailing token")) {
      return new ScenarioFormatException(path, "malformed JSON: unexpected content after the end of the document",
          line, column);
    }
    String problem = "malformed JSON: " + SOURCE_LOCATION.matcher(original).replaceAll("line $1, column $2");
    return new ScenarioFormatException(path, problem, line, column);
  }

  /** The parser's position as a path like {@code organizations[2].quality}. */
  private static String pathOf(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      b.append(part);
    }
    if (b.length() == 0) {
      return "$";
    }
    return b.charAt(0) == '.' ? b.substring(1) : "$" + b;
  }
}
