package io.cocogen.cli;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cocogen sweep SCENARIO.json --param NAME --values ...}: comparative statics with plots. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Solve a grid over one parameter; CSV plus welfare plots.",
    description = {
        "Solves the round for each value of one parameter: equilibrium and welfare optimum, efficiency, "
        + "price of anarchy, VCFL and WCO welfare. Writes the table as CSV (stdout, or DIR/sweep.csv with "
        + "--out) and plots the welfare of NE, SO, VCFL and WCO against the parameter (sweep.png, "
        + "sweep.svg)."
    })
final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.json",
      description = "A cocogen.scenario/v1 document; '-' reads stdin.")
  Path scenario;

  @Option(names = "--param", required = true, paramLabel = "NAME",
      description = "gammaBar, gammaScale, theta, skewScale, costScale, valueScale, budget or n.")
  String param;

  @Option(names = "--values", required = true, paramLabel = "v1,v2,...",
      description = "Comma-separated values, or START:END:COUNT for COUNT evenly spaced values.")
  String values;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write DIR/sweep.csv, DIR/sweep.png and DIR/sweep.svg (created if needed) instead of "
          + "printing the CSV; without it the plots go to the current directory.")
  Path out;

  @Option(names = "--no-plot", description = "Do not write sweep.png and sweep.svg.")
  boolean noPlot;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-9",
      description = "Relative regret below which a result is OPTIMAL (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Mixin
  GlobalOptions globals;

  @Override
  public Integer call() throws IOException {
    Sweep.Parameter parameter = parameter(param);
    double[] grid = parseValues(values);
    SolverOptions options = SolveCommand.options(tolerance, SolverOptions.DEFAULT.randomSeed());
    RoundGame game = Scenarios.load(scenario);
    Path dir = out != null ? out : Path.of("");
    if (out != null) {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new InvalidModelException("--out", out, "exists and is not a directory");
      }
      Files.createDirectories(out);
    }
    Sweep.Table table = run(game, parameter, grid, options);
    String csv = table.toCsv();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> written = new ArrayList<>();
    if (out != null) {
      Path file = out.resolve("sweep.csv");
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      written.add(file.toString());
    } else {
      stdout.print(csv);
      stdout.flush();
    }
    if (!noPlot) {
      for (Path p : SweepPlot.write(table, dir)) {
        written.add(p.toString());
      }
    }
    if (!Globals.quiet() && !written.isEmpty()) {
      err.println("wrote " + String.join(", ", written));
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** Parses {@code --param}; an unknown name is bad input naming the option and listing the choices. */
  static Sweep.Parameter parameter(String name) {
    try {
      return Sweep.Parameter.parse(name);
    } catch (InvalidModelException e) {
      throw new InvalidModelException("--param", name, "unknown sweep parameter; expected one of "
          + Arrays.stream(Sweep.Parameter.values()).map(Sweep.Parameter::key).toList());
    }
  }

  /** Runs the grid a few points at a time so the progress bar moves; rows in the order of {@code grid}. */
  static Sweep.Table run(RoundGame game, Sweep.Parameter parameter, double[] grid, SolverOptions options) {
    int chunk = Math.max(1, ForkJoinPool.commonPool().getParallelism());
    List<Sweep.Row> rows = new ArrayList<>(grid.length);
    try (Progress p = Progress.start("sweep " + parameter.key(), grid.length)) {
      for (int from = 0; from < grid.length; from += chunk) {
        int to = Math.min(grid.length, from + chunk);
        p.update(from, grid.length, parameter.key() + " = " + Fmt.number(grid[from]));
        rows.addAll(Sweep.run(game, parameter, Arrays.copyOfRange(grid, from, to), options).rows());
      }
      p.update(grid.length, grid.length, "done");
    }
    return new Sweep.Table(parameter, List.copyOf(rows));
  }

  /** {@code v1,v2,...} or {@code START:END:COUNT}; every value must be a finite number. */
  static double[] parseValues(String text) {
    return parseNumbers("--values", text);
  }

  /** A list or range of numbers given to {@code option}; errors name the option and the token. */
  static double[] parseNumbers(String option, String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new InvalidModelException(option, text, "give at least one value");
    }
    if (s.contains(":")) {
      String[] parts = s.split(":", -1);
      if (parts.length != 3) {
        throw new InvalidModelException(option, text, "a range is START:END:COUNT");
      }
      double start = number(option, parts[0]);
      double end = number(option, parts[1]);
      int count;
      try {
        count = Integer.parseInt(parts[2].strip());
      } catch (NumberFormatException e) {
        throw new InvalidModelException(option, parts[2].strip(), "COUNT of a range must be a whole number");
      }
      if (count < 1 || count > 10_000) {
        throw new InvalidModelException(option, count, "COUNT of a range must be in [1, 10000]");
      }
      double[] v = new double[count];
      for (int i = 0; i < count; i++) {
        v[i] = count == 1 ? start : start + (end - start) * i / (count - 1);
      }
      return v;
    }
    String[] parts = s.split(",", -1);
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = number(option, parts[i]);
    }
    return v;
  }

  private static double number(String option, String token) {
    String t = token.strip();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new InvalidModelException(option, t.isEmpty() ? "(empty)" : t, "not a number");
    }
    if (!Double.isFinite(v)) {
      throw new InvalidModelException(option, t, "must be a finite number");
    }
    return v;
  }
}
