package io.cocogen.cli;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.api.json.ScenarioCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads scenario documents ({@code cocogen.scenario/v1}) for the commands. */
final class Scenarios {
  /** Classpath resource of the built-in demo federation. */
  static final String DEMO_RESOURCE = "demo-scenario.json";

  private Scenarios() {}

  /**
   * Reads the scenario at {@code file} ({@code -} for stdin). A missing, unreadable or directory path is
   * bad input naming the path.
   */
  static RoundGame load(Path file) {
    ScenarioCodec codec = new ScenarioCodec();
    if (file.toString().equals("-")) {
      return codec.read(System.in);
    }
    if (!Files.exists(file)) {
      throw new InvalidModelException("scenario file", file, "no such file");
    }
    if (Files.isDirectory(file)) {
      throw new InvalidModelException("scenario file", file, "is a directory, expected a scenario JSON file");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidModelException("scenario file", file, "cannot be read (permission denied)");
    }
    return codec.read(file);
  }

  /** The text of the built-in demo scenario. */
  static String demoText() {
    try (InputStream in = Scenarios.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo scenario resource " + DEMO_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in demo federation. */
  static RoundGame demo() {
    return new ScenarioCodec().read(demoText());
  }
}
