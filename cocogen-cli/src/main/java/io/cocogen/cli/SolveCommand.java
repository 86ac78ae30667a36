package io.cocogen.cli;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.SolverOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cocogen solve SCENARIO.json}: equilibrium, optimum, baselines and redistribution of one round. */
@Command(name = "solve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Solve one round: equilibrium, optimum, baselines, redistribution.",
    description = {
        "Solves one round: the certified Nash equilibrium, the welfare optimum, the baselines (VCFL, "
        + "RaDG, WCO) and the CoCoGen+ redistribution. Prints a cocogen.solution/v1 JSON document "
        + "(docs/solution-schema.md) or readable tables."
    })
final class SolveCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.json",
      description = "A cocogen.scenario/v1 document (docs/scenario-schema.md); '-' reads stdin.")
  Path scenario;

  @Option(names = "--format", paramLabel = "json|table", defaultValue = "json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--rule", paramLabel = "contribution|equal|shapley", defaultValue = "contribution",
      description = "How the welfare surplus is shared (default: ${DEFAULT-VALUE}).")
  RuleOption rule;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-9",
      description = "Relative regret below which a result is OPTIMAL (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the RaDG baseline and of Monte Carlo Shapley values (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  GlobalOptions globals;

  @Override
  public Integer call() {
    SolverOptions options = options(tolerance, seed);
    RoundGame game = Scenarios.load(scenario);
    Analysis a;
    try (Progress p = Progress.start("solve", Analysis.STEPS)) {
      a = Analysis.run(game, options, rule.rule(), g -> ShapleySupport.surplusShares(g, options, seed), p);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == OutputFormat.json ? SolutionJson.encode(a) : Report.render(a));
    out.flush();
    return ExitCodes.OK;
  }

  /** Solver options from {@code --tolerance} and {@code --seed}, validated. */
  static SolverOptions options(double tolerance, long seed) {
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new InvalidModelException("--tolerance", tolerance, "must be a finite number > 0");
    }
    return SolverOptions.DEFAULT.withTolerance(tolerance).withSeed(seed);
  }
}
