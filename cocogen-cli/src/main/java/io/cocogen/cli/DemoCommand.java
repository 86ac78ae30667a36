package io.cocogen.cli;

import io.cocogen.api.RoundGame;
import io.cocogen.solver.SolverOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cocogen demo}: the whole analysis on a built-in federation of six hospitals. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Solve a built-in federation of six hospitals and print every table.",
    description = {
        "Runs the whole analysis on a built-in federation: six hospitals in two regional markets with "
        + "skewed label histograms. Prints the equilibrium, the welfare optimum, the baselines and the "
        + "CoCoGen+ redistribution as tables. 'cocogen demo --scenario > my.json' gives the scenario to "
        + "edit."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--rule", paramLabel = "contribution|equal|shapley", defaultValue = "contribution",
      description = "How the welfare surplus is shared (default: ${DEFAULT-VALUE}).")
  RuleOption rule;

  @Option(names = "--scenario", description = "Print the built-in scenario (cocogen.scenario/v1 JSON) and exit.")
  boolean printScenario;

  @Mixin
  GlobalOptions globals;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (printScenario) {
      out.print(Scenarios.demoText());
      out.flush();
      return ExitCodes.OK;
    }
    long start = System.nanoTime();
    RoundGame game = Scenarios.demo();
    SolverOptions options = SolverOptions.DEFAULT;
    Analysis a;
    try (Progress p = Progress.start("demo", Analysis.STEPS)) {
      a = Analysis.run(game, options, rule.rule(),
          g -> ShapleySupport.surplusShares(g, options, options.randomSeed()), p);
    }
    if (format == OutputFormat.json) {
      out.print(SolutionJson.encode(a));
    } else {
      out.println("CoCoGen+ demo: six hospitals in two regional markets (built-in scenario;");
      out.println("'cocogen demo --scenario' prints it, 'cocogen solve FILE' solves your own).");
      out.println();
      out.print(Report.render(a));
      out.printf(Locale.ROOT, "%nsolved in %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
