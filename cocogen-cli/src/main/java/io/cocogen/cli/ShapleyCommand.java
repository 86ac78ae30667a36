package io.cocogen.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.incentive.CoalitionTable;
import io.cocogen.incentive.CoalitionValues;
import io.cocogen.incentive.MonteCarloOptions;
import io.cocogen.incentive.PermutationValues;
import io.cocogen.incentive.ShapleyEstimate;
import io.cocogen.incentive.ShapleyValues;
import io.cocogen.incentive.ValueFunction;
import io.cocogen.solver.SolverOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cocogen shapley SCENARIO.json}: Shapley values of a coalition game of the round. */
@Command(name = "shapley", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Shapley values of a coalition game of the round (exact or Monte Carlo).",
    description = {
        "Shapley values of the round's coalition game (MODEL.md section 9): v(S) is the welfare of "
        + "coalition S at its own equilibrium (ne), its own welfare optimum (so), or the difference "
        + "(surplus, the game the SHAPLEY sharing rule uses). Exact over all 2^n coalitions (n <= 24), or "
        + "by seeded permutation sampling with standard errors and confidence intervals. Prints a "
        + "cocogen.shapley/v1 JSON document."
    })
final class ShapleyCommand implements Callable<Integer> {
  /** Schema identifier of the output. */
  static final String SCHEMA = "cocogen.shapley/v1";

  /** Without a method option: exact up to this many organizations, Monte Carlo above. */
  static final int DEFAULT_EXACT_LIMIT = ShapleyValues.EXACT_SHARING_LIMIT;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.json",
      description = "A cocogen.scenario/v1 document; '-' reads stdin.")
  Path scenario;

  /** At most one method option. */
  static final class Method {
    @Option(names = "--exact", description = "Exact values over all 2^n coalitions (n <= 24; the default up to "
        + "20 organizations).")
    boolean exact;

    @Option(names = "--samples", paramLabel = "N",
        description = "Monte Carlo with exactly N samples (antithetic permutation pairs).")
    Integer samples;

    @Option(names = "--precision", paramLabel = "P",
        description = "Monte Carlo until every standard error is at most P times the mean |value| "
            + "(e.g. 0.01), at most --max-samples samples (the default above 20 organizations, P = 0.01).")
    Double precision;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Method method;

  @Option(names = "--max-samples", paramLabel = "N", defaultValue = "100000",
      description = "Sample budget of --precision (default: ${DEFAULT-VALUE}).")
  int maxSamples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the permutations (default: ${DEFAULT-VALUE}); the same seed gives the same values.")
  long seed;

  @Option(names = "--game", paramLabel = "ne|so|surplus", defaultValue = "surplus",
      description = "Coalition value: ne, so or surplus = so - ne (default: ${DEFAULT-VALUE}).")
  GameOption game;

  @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95",
      description = "Level of the Monte Carlo confidence intervals (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-9",
      description = "Solver tolerance of each coalition's solve (default: ${DEFAULT-VALUE}).")
  double tolerance;

  /** The {@code --game} values. */
  enum GameOption {
    ne(ValueFunction.NASH),
    so(ValueFunction.OPTIMUM),
    surplus(ValueFunction.SURPLUS);

    final ValueFunction function;

    GameOption(ValueFunction f) {
      this.function = f;
    }
  }

  @Mixin
  GlobalOptions globals;

  @Override
  public Integer call() throws IOException {
    SolverOptions options = SolveCommand.options(tolerance, seed);
    MonteCarloOptions mc = monteCarloOptions();
    RoundGame g = Scenarios.load(scenario);
    int n = g.size();
    boolean exact = method == null ? n <= DEFAULT_EXACT_LIMIT : method.exact;
    if (exact && n > ShapleyValues.MAX_EXACT_PLAYERS) {
      throw new InvalidModelException(method == null ? "organizations" : "--exact", n,
          "exact Shapley values enumerate 2^n coalitions and need at most " + ShapleyValues.MAX_EXACT_PLAYERS
              + " organizations; use --samples N or --precision P");
    }
    CoalitionValues coalitions = CoalitionValues.of(g, options);
    ValueFunction f = game.function;
    long start = System.nanoTime();
    StringWriter text = new StringWriter();
    try (JsonGenerator out = generator(text)) {
      out.writeStartObject();
      out.writeStringField("schema", SCHEMA);
      out.writeStringField("game", game.name());
      out.writeStringField("valueFunction", f.name());
      out.writeNumberField("organizations", n);
      String[] ids = g.federation().ids();
      if (exact) {
        exact(out, coalitions, f, ids);
      } else {
        monteCarlo(out, coalitions, f, mc, ids);
      }
      out.writeNumberField("seconds", (System.nanoTime() - start) / 1e9);
      out.writeEndObject();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(text);
    stdout.println();
    stdout.flush();
    return ExitCodes.OK;
  }

  private MonteCarloOptions monteCarloOptions() {
    if (!(confidence > 0 && confidence < 1)) {
      throw new InvalidModelException("--confidence", confidence, "must be in (0, 1)");
    }
    MonteCarloOptions mc = MonteCarloOptions.DEFAULT.withSeed(seed).withConfidence(confidence);
    if (method != null && method.samples != null) {
      int s = method.samples;
      if (s < 2) {
        throw new InvalidModelException("--samples", s, "must be >= 2 (a standard error needs two samples)");
      }
      // Exactly s samples: the stopping rule is consulted only once all of them are in.
      return mc.withSamples(s, s);
    }
    if (maxSamples < 2) {
      throw new InvalidModelException("--max-samples", maxSamples, "must be >= 2");
    }
    if (method != null && method.precision != null) {
      double p = method.precision;
      if (!(p > 0) || !Double.isFinite(p)) {
        throw new InvalidModelException("--precision", p, "must be a finite number > 0");
      }
      mc = mc.withPrecision(p);
    }
    return mc.withSamples(Math.min(30, maxSamples), maxSamples);
  }

  private static void exact(JsonGenerator out, CoalitionValues coalitions, ValueFunction f, String[] ids)
      throws IOException {
    int n = ids.length;
    CoalitionTable table;
    double[] phi;
    try (Progress p = Progress.start("shapley (2^" + n + " coalitions)", 2)) {
      p.update(0, 2, "coalition values");
      table = coalitions.table(f);
      p.update(1, 2, "Shapley values");
      phi = ShapleyValues.exact(table, f);
    }
    double[] v = table.values(f);
    out.writeStringField("method", "exact");
    SolutionJson.number(out, "grandCoalition", v[v.length - 1]);
    SolutionJson.number(out, "sum", sum(phi));
    byId(out, "values", ids, phi);
    out.writeNumberField("coalitions", 1L << n);
    out.writeBooleanField("certified", table.certified());
    out.writeNumberField("leanSolves", table.leanSolves());
    out.writeNumberField("fallbackSolves", table.fallbackSolves());
    out.writeNumberField("approximateSolves", table.approximateSolves());
  }

  private static void monteCarlo(JsonGenerator out, CoalitionValues coalitions, ValueFunction f,
      MonteCarloOptions mc, String[] ids) throws IOException {
    int n = ids.length;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double grand = coalitions.value(f, all);
    ShapleyEstimate e;
    try (Progress p = Progress.start("shapley (Monte Carlo)", mc.maxSamples())) {
      e = ShapleyValues.monteCarlo(counting(coalitions.permutationValues(f), mc, p), mc);
    }
    out.writeStringField("method", "monte-carlo");
    SolutionJson.number(out, "grandCoalition", grand);
    SolutionJson.number(out, "sum", sum(e.values()));
    byId(out, "values", ids, e.values());
    byId(out, "standardErrors", ids, e.standardErrors());
    out.writeObjectFieldStart("confidenceIntervals");
    for (int i = 0; i < n; i++) {
      out.writeArrayFieldStart(ids[i]);
      SolutionJson.value(out, e.lower()[i]);
      SolutionJson.value(out, e.upper()[i]);
      out.writeEndArray();
    }
    out.writeEndObject();
    SolutionJson.number(out, "confidence", e.confidence());
    out.writeNumberField("samples", e.samples());
    out.writeNumberField("permutations", e.permutations());
    out.writeBooleanField("antithetic", mc.antithetic());
    out.writeNumberField("seed", mc.seed());
    out.writeStringField("status", e.status().name());
    SolutionJson.number(out, "achievedPrecision", e.achievedPrecision());
    SolutionJson.number(out, "requestedPrecision", e.requestedPrecision());
  }

  /** Wraps the value function so that the progress bar follows the permutations drawn. */
  private static PermutationValues counting(PermutationValues values, MonteCarloOptions mc, Progress p) {
    AtomicLong resets = new AtomicLong();
    int perSample = mc.antithetic() ? 2 : 1;
    return new PermutationValues() {
      @Override
      public int size() {
        return values.size();
      }

      @Override
      public Cursor cursor() {
        Cursor c = values.cursor();
        return new Cursor() {
          @Override
          public double reset() {
            long k = resets.incrementAndGet();
            if (k % perSample == 0) {
              p.update(k / perSample, mc.maxSamples(), "samples");
            }
            return c.reset();
          }

          @Override
          public double add(int player) {
            return c.add(player);
          }

          @Override
          public long evaluations() {
            return c.evaluations();
          }
        };
      }
    };
  }

  private static JsonGenerator generator(StringWriter w) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(w);
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pretty.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    g.setPrettyPrinter(pretty);
    return g;
  }

  private static void byId(JsonGenerator out, String name, String[] ids, double[] values) throws IOException {
    out.writeObjectFieldStart(name);
    for (int i = 0; i < ids.length; i++) {
      SolutionJson.number(out, ids[i], values[i]);
    }
    out.writeEndObject();
  }

  private static double sum(double[] v) {
    double t = 0;
    for (double x : v) {
      t += x;
    }
    return t;
  }
}
