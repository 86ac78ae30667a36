package io.cocogen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code cocogen.jar} in a separate JVM, as a user would, and captures the outcome. */
final class Cli {
  private Cli() {}

  /** Exit code, stdout and stderr of one run, and how long it took. */
  record Result(int exitCode, String stdout, String stderr, long millis) {
    /** The non-blank lines of stderr. */
    List<String> errorLines() {
      return stderr.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " after " + millis + " ms\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  static Path jar() {
    String p = System.getProperty("cocogen.jar");
    if (p == null) {
      throw new IllegalStateException("system property cocogen.jar is not set (run through maven-failsafe)");
    }
    Path jar = Path.of(p);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the packaged jar " + jar + " does not exist");
    }
    return jar;
  }

  /** A scenario of this module's test resources ({@code retailers.json}, {@code banks.json}). */
  static Path resource(String name) {
    java.net.URL url = Cli.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource " + name + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The example scenarios of {@code docs/examples}. */
  static Path examples() {
    return Path.of(System.getProperty("cocogen.examples", "../docs/examples"));
  }

  static Result run(String... args) throws IOException, InterruptedException {
    return runIn(null, 120, args);
  }

  /** Runs in {@code dir} (null: inherit) with a timeout in seconds. */
  static Result runIn(Path dir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Path out = Files.createTempFile("cocogen-it-out", ".txt");
    Path err = Files.createTempFile("cocogen-it-err", ".txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cocogen " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), millis);
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return r;
  }
}
