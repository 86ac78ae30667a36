package io.cocogen.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code cocogen} command line: {@code demo}, {@code solve}, {@code sweep}, {@code shapley} and
 * {@code experiment}. Exit codes: 0 success, 2 bad input (one line on stderr naming the field and the
 * value), 1 internal error.
 */
@Command(name = "cocogen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "CoCoGen+: equilibria, welfare optimum and budget-balanced payoff redistribution for strategic "
        + "synthetic-data generation in coopetitive cross-silo federated learning."
    },
    subcommands = {
      DemoCommand.class,
      SolveCommand.class,
      SweepCommand.class,
      ShapleyCommand.class,
      ExperimentCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit codes: 0 success, 2 bad input, 1 internal error.",
      "Run 'cocogen demo' for a worked example, 'cocogen help COMMAND' for a command's options."})
public final class Main implements Runnable {

  @Spec
  CommandSpec spec;

  @Mixin
  GlobalOptions globals;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: give one of demo, solve, sweep, shapley, experiment");
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    int code = run(args, out, System.err);
    out.flush();
    System.exit(code);
  }

  /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Globals.reset();
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(errWriter);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      if (Arrays.asList(a).contains("--verbose")) {
        Globals.verbose(true);
      }
      CommandLine failed = ex.getCommandLine();
      String name = failed.getCommandSpec().qualifiedName();
      String help = failed.getCommandSpec().parent() == null ? "cocogen --help" : name + " --help";
      PrintWriter e = failed.getErr();
      String message = ExitCodes.oneLine(ex.getMessage()).replaceFirst("^Error: ", "");
      e.println(name + ": error: " + message + " (see '" + help + "')");
      if (Globals.verbose()) {
        ex.printStackTrace(e);
      }
      e.flush();
      return ExitCodes.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, failed, parseResult) ->
        ExitCodes.report(failed.getCommandSpec().qualifiedName(), ex, failed.getErr()));
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
