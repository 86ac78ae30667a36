package io.cocogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.json.ScenarioFormatException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

  @AfterEach
  void reset() {
    Globals.reset();
  }

  @Test
  void badInputIsTwoAndEverythingElseIsOne() {
    assertThat(ExitCodes.classify(new InvalidModelException("a.b", 3, "must be < 2"))).isEqualTo(2);
    assertThat(ExitCodes.classify(new ScenarioFormatException("schema", "x", "unsupported"))).isEqualTo(2);
    assertThat(ExitCodes.classify(new UncheckedIOException(new NoSuchFileException("/x/y")))).isEqualTo(2);
    assertThat(ExitCodes.classify(new IllegalStateException("boom"))).isEqualTo(1);
    assertThat(ExitCodes.classify(new NullPointerException())).isEqualTo(1);
  }

  @Test
  void theReportIsOneLineWithoutStackTraceUnlessVerbose() {
    StringWriter text = new StringWriter();
    int code = ExitCodes.report("cocogen solve", new InvalidModelException("organizations[0].quality", 1.5,
        "must be in (0, 1]\nsecond line"), new PrintWriter(text));
    assertThat(code).isEqualTo(2);
    assertThat(text.toString().lines().toList())
        .containsExactly("cocogen solve: error: organizations[0].quality = 1.5: must be in (0, 1] second line");

    StringWriter internal = new StringWriter();
    assertThat(ExitCodes.report("cocogen demo", new IllegalStateException("boom"), new PrintWriter(internal)))
        .isEqualTo(1);
    assertThat(internal.toString().lines().toList()).containsExactly(
        "cocogen demo: error: internal error: IllegalStateException: boom (run with --verbose for the stack trace)");

    Globals.verbose(true);
    StringWriter verbose = new StringWriter();
    ExitCodes.report("cocogen demo", new IllegalStateException("boom"), new PrintWriter(verbose));
    assertThat(verbose.toString()).contains("java.lang.IllegalStateException: boom").contains("\tat ");
  }

  @Test
  void inProcessRunReturnsTheExitCodes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--version"}, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("cocogen ");
    assertThat(Main.run(new String[] {"solve", "--format", "xml", "x.json"}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format", "xml");
  }
}
