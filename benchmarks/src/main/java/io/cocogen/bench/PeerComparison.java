package io.cocogen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.json.ScenarioCodec;
import io.cocogen.bench.peer.OjAlgoSqp;
import io.cocogen.bench.peer.ProjectedGradient;
import io.cocogen.solver.Certificate;
import io.cocogen.solver.Certifier;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.FastPathProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Peer comparison on the same scenario files: for each size and competition kind, writes the game as a
 * {@code cocogen.scenario/v1} document, reads it back, and maximises the potential with
 * <ul>
 *   <li>ours: the fast path ({@link FastPathProbe}) and the full {@link CocogenSolver#equilibrium} call;</li>
 *   <li>(a) SciPy L-BFGS-B ({@code benchmarks/peer/scipy_potential.py}, run as a child process);</li>
 *   <li>(b) ojAlgo's convex QP solver in an SQP loop ({@link OjAlgoSqp});</li>
 *   <li>(c) projected gradient ({@link ProjectedGradient}).</li>
 * </ul>
 * Every answer is evaluated by our code: the potential {@code Φ} and the §5 certificate (max absolute and
 * relative regret) of the profile. Times are medians of repeated warm runs, one thread.
 *
 * <p>Arguments: {@code --sizes 100,1000,10000 --kinds UNIFORM,SEGMENTS --repeat 5 --scipy-repeat 3
 * --ojalgo-max 10000 --pg-max-iterations 20000 --dir DIR --out FILE --python python3 --script PATH --gtol 1e-9}.
 */
public final class PeerComparison {
  private final ObjectMapper json = new ObjectMapper();
  private final ScenarioCodec codec = new ScenarioCodec();
  private int[] sizes = {100, 1000, 10000};
  private String[] kinds = {"UNIFORM", "SEGMENTS"};
  private int repeat = 5;
  private int scipyRepeat = 3;
  private int ojalgoMax = 10000;
  private int pgMaxIterations = 20000;
  private Path dir = Path.of("benchmarks/target/peer");
  private Path out = Path.of("benchmarks/target/results/peers.json");
  private String python = "python3";
  private Path script = Path.of("benchmarks/peer/scipy_potential.py");
  private double gtol = 1e-9;

  public static void main(String[] args) throws Exception {
    PeerComparison p = new PeerComparison();
    p.parse(args);
    p.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i += 2) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--sizes" -> sizes = java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        case "--kinds" -> kinds = v.split(",");
        case "--repeat" -> repeat = Integer.parseInt(v);
        case "--scipy-repeat" -> scipyRepeat = Integer.parseInt(v);
        case "--ojalgo-max" -> ojalgoMax = Integer.parseInt(v);
        case "--dir" -> dir = Path.of(v);
        case "--out" -> out = Path.of(v);
        case "--python" -> python = v;
        case "--script" -> script = Path.of(v);
        case "--gtol" -> gtol = Double.parseDouble(v);
        case "--pg-max-iterations" -> pgMaxIterations = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
  }

  private void run() throws Exception {
    Files.createDirectories(dir);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    ObjectNode root = json.createObjectNode();
    root.put("gtol", gtol);
    root.put("repeat", repeat);
    root.put("scipyRepeat", scipyRepeat);
    ArrayNode cases = root.putArray("cases");
    for (String kindName : kinds) {
      Kind kind = Games.kind(kindName);
      for (int n : sizes) {
        cases.add(compare(n, kind));
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
      }
    }
    System.out.println("peer comparison written to " + out);
  }

  private ObjectNode compare(int n, Kind kind) throws Exception {
    Path scenario = dir.resolve("scenario-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n + ".json");
    codec.write(Games.byId(n, kind), scenario);
    RoundGame game = codec.read(scenario);
    ObjectNode c = json.createObjectNode();
    c.put("n", n);
    c.put("kind", kind.name());
    c.put("scenario", scenario.toString());
    ArrayNode rows = c.putArray("solvers");

    Equilibrium eq = CocogenSolver.equilibrium(game);
    double[] ours = eq.synthetic();
    RoundGame.Workspace ws = game.newWorkspace();
    double phiOurs = game.potential(ours, ws);
    c.put("potential", phiOurs);

    FastPathProbe probe = new FastPathProbe(game);
    double[] tFast = Timing.measure(probe::solve, 20, repeat, 1.0, 100000);
    rows.add(row("ours (fast path)", tFast, game, probe.solve(), phiOurs, probe.lastIterations(), "converged"));
    double[] tFull = Timing.measure(() -> CocogenSolver.equilibrium(game), 5, repeat, 1.0, 100000);
    rows.add(row("ours (equilibrium + certificate)", tFull, game, ours, phiOurs, eq.iterations(),
        eq.state().toString()));

    // (a) SciPy.
    Path answer = dir.resolve("scipy-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n + ".json");
    Files.deleteIfExists(answer);
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), scenario.toString(), answer.toString(),
        "--repeat", Integer.toString(scipyRepeat), "--gtol", Double.toString(gtol)));
    c.put("scipyCommand", String.join(" ", cmd));
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    boolean done = proc.waitFor(30, TimeUnit.MINUTES);
    if (done && proc.exitValue() == 0 && Files.exists(answer)) {
      JsonNode a = json.readTree(answer.toFile());
      double[] s = new double[n];
      JsonNode arr = a.get("synthetic");
      double[] cap = game.capacity();
      for (int i = 0; i < n; i++) {
        s[i] = Math.min(cap[i], Math.max(0.0, arr.get(i).asDouble()));
      }
      double[] times = new double[a.get("timesSeconds").size()];
      for (int i = 0; i < times.length; i++) {
        times[i] = a.get("timesSeconds").get(i).asDouble();
      }
      ObjectNode r = row("SciPy L-BFGS-B", times, game, s, phiOurs, a.get("iterations").asInt(),
          a.get("message").asText());
      r.put("version", "scipy " + a.get("scipyVersion").asText() + ", numpy " + a.get("numpyVersion").asText()
          + ", python " + a.get("python").asText());
      rows.add(r);
    } else {
      ObjectNode r = json.createObjectNode();
      r.put("solver", "SciPy L-BFGS-B");
      r.put("status", "failed: " + log.strip());
      rows.add(r);
    }
    System.out.print(log);

    // (b) ojAlgo SQP.
    if (n <= ojalgoMax) {
      OjAlgoSqp sqp = new OjAlgoSqp(game, gtol, 200);
      double[] first = Timing.measure(sqp::solve, 0, 1, 0, 1);
      int runs = first[0] > 20 ? 0 : Math.max(1, Math.min(repeat, (int) (30 / Math.max(first[0], 1e-3))));
      double[] t = runs == 0 ? first : Timing.measure(sqp::solve, 0, runs, 0, runs);
      rows.add(row("ojAlgo SQP (convex QP)", t, game, sqp.solve(), phiOurs, sqp.iterations(), sqp.status()));
    } else {
      ObjectNode r = json.createObjectNode();
      r.put("solver", "ojAlgo SQP (convex QP)");
      r.put("status", "not run: n > " + ojalgoMax + " (--ojalgo-max, time budget of this run)");
      rows.add(r);
    }

    // (c) projected gradient.
    ProjectedGradient pg = new ProjectedGradient(game, gtol, pgMaxIterations);
    double[] first = Timing.measure(pg::solve, 0, 1, 0, 1);
    int runs = first[0] > 20 ? 0 : Math.max(1, Math.min(repeat, (int) (30 / Math.max(first[0], 1e-3))));
    double[] t = runs == 0 ? first : Timing.measure(pg::solve, 1, runs, 0, runs);
    rows.add(row("projected gradient (BB + Armijo)", t, game, pg.solve(), phiOurs, pg.iterations(),
        pg.projectedGradient() <= gtol ? "converged"
            : String.format(Locale.ROOT, "iteration limit, projected gradient %.1e", pg.projectedGradient())));

    double base = Timing.median(tFast);
    for (JsonNode r : rows) {
      if (r.has("medianSeconds")) {
        ((ObjectNode) r).put("ratioToOursFastPath", r.get("medianSeconds").asDouble() / base);
      }
    }
    print(c);
    return c;
  }

  private ObjectNode row(String solver, double[] times, RoundGame game, double[] s, double phiOurs, int iterations,
      String status) {
    Certificate cert = Certifier.nash(game, s);
    double phi = game.potential(s, game.newWorkspace());
    ObjectNode r = json.createObjectNode();
    r.put("solver", solver);
    r.put("medianSeconds", Timing.median(times));
    r.put("runs", times.length);
    r.put("potential", phi);
    r.put("potentialMinusOurs", phi - phiOurs);
    r.put("maxRegret", cert.maxRegret());
    r.put("maxRelativeRegret", cert.maxRelativeRegret());
    r.put("iterations", iterations);
    r.put("status", status);
    return r;
  }

  private static void print(ObjectNode c) {
    System.out.printf(Locale.ROOT, "%n== n = %d, %s (%s)%n", c.get("n").asInt(), c.get("kind").asText(),
        c.get("scenario").asText());
    System.out.printf(Locale.ROOT, "%-36s %14s %10s %12s %12s %12s %s%n", "solver", "median", "x ours", "dPhi",
        "max regret", "rel regret", "status");
    for (JsonNode r : c.get("solvers")) {
      if (!r.has("medianSeconds")) {
        System.out.printf(Locale.ROOT, "%-36s %s%n", r.get("solver").asText(), r.get("status").asText());
        continue;
      }
      System.out.printf(Locale.ROOT, "%-36s %14s %10.1f %12.3e %12.3e %12.3e %s%n", r.get("solver").asText(),
          Report.duration(r.get("medianSeconds").asDouble()), r.get("ratioToOursFastPath").asDouble(),
          r.get("potentialMinusOurs").asDouble(), r.get("maxRegret").asDouble(),
          r.get("maxRelativeRegret").asDouble(), r.get("status").asText());
    }
  }
}
