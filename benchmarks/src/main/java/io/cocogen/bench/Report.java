package io.cocogen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code benchmarks/RESULTS.md} from what {@code ./bench} produced in a results directory:
 * JMH JSON files ({@code jmh-*.json}), the peer comparison ({@code peers.json}), the memory probes
 * ({@code memory.jsonl}), the command lines ({@code commands.txt}) and the load figures
 * ({@code load.txt}); appends {@code benchmarks/src/site/results-notes.md} when present. Prints the
 * targets and the peer ratio table to standard output.
 *
 * <p>Arguments: {@code RESULTS_DIR OUTPUT.md MODE [NOTES.md]}.
 */
public final class Report {
  private final ObjectMapper json = new ObjectMapper();
  private final Path dir;
  private final List<JsonNode> jmh = new ArrayList<>();
  private JsonNode peers;
  private final List<JsonNode> memory = new ArrayList<>();
  private final StringBuilder md = new StringBuilder();
  private final StringBuilder console = new StringBuilder();

  private Report(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path outFile = Path.of(args[1]);
    String mode = args.length > 2 ? args[2] : "full";
    Path notes = args.length > 3 ? Path.of(args[3]) : null;
    Report r = new Report(dir);
    r.load();
    r.write(mode, notes);
    Files.writeString(outFile, r.md.toString(), StandardCharsets.UTF_8);
    System.out.print(r.console);
    System.out.println("written " + outFile);
  }

  private void load() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("jmh-") && name.endsWith(".json") && Files.size(p) > 0) {
          for (JsonNode b : json.readTree(p.toFile())) {
            jmh.add(b);
          }
        }
      }
    }
    Path pf = dir.resolve("peers.json");
    if (Files.exists(pf)) {
      peers = json.readTree(pf.toFile());
    }
    Path mf = dir.resolve("memory.jsonl");
    if (Files.exists(mf)) {
      for (String line : Files.readAllLines(mf)) {
        if (!line.isBlank()) {
          memory.add(json.readTree(line));
        }
      }
    }
  }

  // ---- JMH access ---------------------------------------------------------------------------------

  /** The JMH result of {@code Class.method} with these parameters (null when absent). */
  private JsonNode find(String benchmark, Map<String, String> params) {
    for (JsonNode b : jmh) {
      if (!b.get("benchmark").asText().endsWith(benchmark)) {
        continue;
      }
      boolean ok = true;
      for (Map.Entry<String, String> e : params.entrySet()) {
        JsonNode p = b.path("params").get(e.getKey());
        if (p == null || !p.asText().equals(e.getValue())) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return b;
      }
    }
    return null;
  }

  /** Median (p50 for sample/single-shot modes, the score otherwise) in seconds. */
  static double medianSeconds(JsonNode b) {
    if (b == null) {
      return Double.NaN;
    }
    JsonNode pm = b.get("primaryMetric");
    JsonNode pct = pm.path("scorePercentiles").get("50.0");
    double v = pct != null && !"thrpt".equals(b.path("mode").asText()) ? pct.asDouble() : pm.get("score").asDouble();
    return v * unitSeconds(pm.get("scoreUnit").asText());
  }

  static double unitSeconds(String unit) {
    String u = unit.replace("/op", "");
    return switch (u) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1.0;
      case "min" -> 60.0;
      default -> Double.NaN;
    };
  }

  /** Fastest sample in seconds (sample and single-shot modes), NaN otherwise. */
  static double minSeconds(JsonNode b) {
    if (b == null) {
      return Double.NaN;
    }
    JsonNode pm = b.get("primaryMetric");
    JsonNode pct = pm.path("scorePercentiles").get("0.0");
    return pct == null ? Double.NaN : pct.asDouble() * unitSeconds(pm.get("scoreUnit").asText());
  }

  /** {@code median (min …)}. */
  static String medianAndMin(JsonNode b) {
    if (b == null) {
      return "–";
    }
    return duration(medianSeconds(b)) + " (min " + duration(minSeconds(b)) + ")";
  }

  /** Bytes allocated per operation from {@code -prof gc}, NaN without it. */
  static double allocPerOp(JsonNode b) {
    if (b == null) {
      return Double.NaN;
    }
    JsonNode s = b.path("secondaryMetrics").get("gc.alloc.rate.norm");
    return s == null ? Double.NaN : s.get("score").asDouble();
  }

  /** Allocation rate in MB/s from {@code -prof gc}, NaN without it. */
  static double allocRate(JsonNode b) {
    if (b == null) {
      return Double.NaN;
    }
    JsonNode s = b.path("secondaryMetrics").get("gc.alloc.rate");
    return s == null ? Double.NaN : s.get("score").asDouble();
  }

  static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "–";
    }
    if (seconds < 1e-6) {
      return String.format(Locale.ROOT, "%.0f ns", seconds * 1e9);
    }
    if (seconds < 1e-3) {
      return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }
    if (seconds < 1) {
      return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
    }
    return String.format(Locale.ROOT, "%.2f s", seconds);
  }

  static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "–";
    }
    if (b < 1024) {
      return String.format(Locale.ROOT, "%.0f B", b);
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
    }
    if (b < 1024.0 * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", b / (1024.0 * 1024 * 1024));
  }

  /** Text for a Markdown table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String sci(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2e", v);
  }

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  // ---- writing ------------------------------------------------------------------------------------

  private void write(String mode, Path notes) throws IOException {
    md.append("# CoCoGen+ benchmark results\n\n");
    md.append("Generated by `./bench").append("quick".equals(mode) ? " --quick" : "").append("` on ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" (mode: ")
        .append(mode).append("). Every figure below comes from the files in `")
        .append(dir).append("` of that run; rerun `./bench` to reproduce.\n\n");
    machine();
    targets();
    equilibrium();
    welfare();
    shapley();
    coordinator();
    peerTables();
    memoryTable();
    commands();
    if (notes != null && Files.exists(notes)) {
      md.append("\n").append(Files.readString(notes).strip()).append("\n");
    }
  }

  private void machine() throws IOException {
    md.append("## Machine\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| CPU | ").append(cpuModel()).append(" |\n");
    md.append("| `nproc` | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
    md.append("| memory | ").append(memTotal()).append(" |\n");
    md.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
        .append(") |\n");
    md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(' ').append(System.getProperty("os.arch")).append(" |\n");
    Path load = dir.resolve("load.txt");
    if (Files.exists(load)) {
      md.append("\nLoad average (1, 5, 15 min) when each phase started — other work on the machine at the time"
          + " shows here:\n\n```\n").append(Files.readString(load).strip()).append("\n```\n");
    }
    md.append('\n');
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return bytes(kb * 1024.0) + " (MemTotal)";
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }

  private record Target(String what, String measured, boolean met, boolean known, String note) {}

  private void targets() {
    List<Target> t = new ArrayList<>();
    for (String kind : List.of("UNIFORM", "SEGMENTS")) {
      JsonNode f = find("EquilibriumBenchmark.fastPath", params("n", "1000000", "kind", kind));
      JsonNode e = find("EquilibriumBenchmark.equilibrium", params("n", "1000000", "kind", kind));
      double solve = medianSeconds(f);
      t.add(new Target("NE solve, n = 10^6, " + kind.toLowerCase(Locale.ROOT) + " ≤ 150 ms", medianAndMin(f)
          + "; end-to-end with certificate and result: " + medianAndMin(e), solve <= 0.150, !Double.isNaN(solve),
          "fast path, median"));
      JsonNode c = find("EquilibriumBenchmark.certificate", params("n", "1000000", "kind", kind));
      double cert = medianSeconds(c);
      t.add(new Target("certificate, n = 10^6, " + kind.toLowerCase(Locale.ROOT) + " ≤ 100 ms", medianAndMin(c),
          cert <= 0.100, !Double.isNaN(cert), "median"));
    }
    for (String kind : List.of("UNIFORM", "SEGMENTS")) {
      JsonNode f = find("EquilibriumBenchmark.fastPath", params("n", "1000", "kind", kind));
      JsonNode e = find("EquilibriumBenchmark.equilibrium", params("n", "1000", "kind", kind));
      double solve = medianSeconds(f);
      t.add(new Target("NE solve, n = 10^3, " + kind.toLowerCase(Locale.ROOT) + " ≤ 200 µs", medianAndMin(f)
          + "; end-to-end: " + medianAndMin(e), solve <= 200e-6, !Double.isNaN(solve), "fast path, median"));
    }
    if (peers != null) {
      for (JsonNode c : peers.get("cases")) {
        if (c.get("n").asInt() != 10000) {
          continue;
        }
        JsonNode ours = solver(c, "ours (fast path)");
        JsonNode full = solver(c, "ours (equilibrium + certificate)");
        JsonNode sp = solver(c, "SciPy L-BFGS-B");
        boolean known = ours != null && sp != null && sp.has("medianSeconds");
        double ratio = known ? sp.get("medianSeconds").asDouble() / ours.get("medianSeconds").asDouble() : Double.NaN;
        double ratioFull = known && full != null
            ? sp.get("medianSeconds").asDouble() / full.get("medianSeconds").asDouble() : Double.NaN;
        boolean regretOk = known && ours.get("maxRelativeRegret").asDouble() <= sp.get("maxRelativeRegret").asDouble();
        t.add(new Target("≥ 100× faster than SciPy L-BFGS-B, n = 10^4, " + c.get("kind").asText().toLowerCase(Locale.ROOT)
            + ", equal or better regret",
            String.format(Locale.ROOT, "%.0f× (end-to-end %.0f×); relative regret ours %s vs SciPy %s", ratio, ratioFull,
                known ? sci(ours.get("maxRelativeRegret").asDouble()) : "–",
                known ? sci(sp.get("maxRelativeRegret").asDouble()) : "–"),
            ratio >= 100 && regretOk, known, "medians"));
      }
    }
    JsonNode sh = find("ShapleyBenchmark.exact", params("n", "20"));
    double shT = medianSeconds(sh);
    t.add(new Target("exact Shapley, n = 20, 2 cores ≤ 20 s", duration(shT), shT <= 20, !Double.isNaN(shT),
        "common fork-join pool, all " + Runtime.getRuntime().availableProcessors() + " cores"));
    JsonNode co = find("CoordinatorBenchmark.planAndSettle", params("n", "100"));
    double coT = medianSeconds(co);
    t.add(new Target("coordinator plan + settle, n = 100 ≤ 5 ms per round", duration(coT), coT <= 0.005,
        !Double.isNaN(coT), "median per round, rounds 0–19 of fresh coordinators"));
    for (JsonNode m : memory) {
      if (m.path("n").asInt() == 1_000_000 && m.path("maxHeapBytes").asLong() >= 900L * 1024 * 1024
          && m.path("maxHeapBytes").asLong() <= 1100L * 1024 * 1024) {
        boolean ok = "OPTIMAL".equals(m.path("state").asText()) && !m.path("failed").asBoolean(false);
        t.add(new Target("n = 10^6 solve within -Xmx1g, " + m.path("kind").asText().toLowerCase(Locale.ROOT),
            ok ? "solved (" + m.path("state").asText() + "), game " + bytes(m.path("gameBytes").asDouble())
                + ", peak heap " + bytes(m.path("peakHeapBytes").asDouble()) : "failed", ok, true, ""));
      }
    }
    md.append("## Targets (one core unless stated)\n\n| target | measured | met |\n|---|---|---|\n");
    console.append("\nTargets\n");
    for (Target x : t) {
      String verdict = !x.known() ? "not measured" : x.met() ? "**met**" : "**missed**";
      md.append("| ").append(x.what()).append(" | ").append(x.measured())
          .append(x.note().isEmpty() ? "" : " — " + x.note()).append(" | ").append(verdict).append(" |\n");
      console.append(String.format(Locale.ROOT, "  %-12s %s: %s%n", verdict.replace("*", ""), x.what(), x.measured()));
    }
    md.append('\n');
  }

  private static JsonNode solver(JsonNode c, String name) {
    for (JsonNode r : c.get("solvers")) {
      if (r.get("solver").asText().equals(name)) {
        return r;
      }
    }
    return null;
  }

  private void equilibrium() {
    md.append("## Equilibrium (MODEL.md §4–§5), one thread\n\n");
    md.append("`fastPath` = the aggregate Newton solve alone; `certificate` = `Certifier.nash` on the equilibrium;"
        + " `equilibrium` = `CocogenSolver.equilibrium` (solve + certificate + utilities, welfare, potential)."
        + " Median of JMH sample-time (fastest sample in parentheses: what the code does when nothing else"
        + " competes for the core and its memory); allocation per operation from `-prof gc`.\n\n");
    md.append("| n | competition | fastPath | alloc/op | certificate | alloc/op | equilibrium | alloc/op | alloc rate"
        + " (equilibrium) |\n|---|---|---|---|---|---|---|---|---|\n");
    for (String kind : List.of("UNIFORM", "SEGMENTS")) {
      for (String n : List.of("10", "1000", "100000", "1000000")) {
        JsonNode f = find("EquilibriumBenchmark.fastPath", params("n", n, "kind", kind));
        JsonNode c = find("EquilibriumBenchmark.certificate", params("n", n, "kind", kind));
        JsonNode e = find("EquilibriumBenchmark.equilibrium", params("n", n, "kind", kind));
        if (f == null && c == null && e == null) {
          continue;
        }
        md.append("| ").append(n).append(" | ").append(kind.toLowerCase(Locale.ROOT)).append(" | ")
            .append(medianAndMin(f)).append(" | ").append(bytes(allocPerOp(f))).append(" | ")
            .append(medianAndMin(c)).append(" | ").append(bytes(allocPerOp(c))).append(" | ")
            .append(medianAndMin(e)).append(" | ").append(bytes(allocPerOp(e))).append(" | ")
            .append(Double.isNaN(allocRate(e)) ? "–" : String.format(Locale.ROOT, "%.0f MB/s", allocRate(e)))
            .append(" |\n");
      }
    }
    md.append('\n');
  }

  private void welfare() {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode b : jmh) {
      String name = b.get("benchmark").asText();
      if (name.contains("WelfareBenchmark") || name.contains("OutsideOptionsBenchmark")) {
        rows.add(b);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("## Welfare optimum (§6) and redistribution (§8), one thread\n\n");
    md.append("`welfareOptimum` = `WelfareOptimizer.optimize` (team-game fast path, certificate, duality bound);"
        + " `redistribution` = `RedistributionMechanism.compute(game, CONTRIBUTION_AND_DEGRADATION, DEFAULT, null,"
        + " false)` (equilibrium, optimum, subsidies, fees, shares, the plan's certificate under transfers);"
        + " `redistributionWithOutsideOptions` = `RedistributionMechanism.compute(game)` (adds the n outside options"
        + " v({i})).\n\n");
    table(rows);
  }

  private void shapley() {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode b : jmh) {
      if (b.get("benchmark").asText().contains(".Shapley")) {
        rows.add(b);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("## Shapley values (§9)\n\n");
    table(rows);
  }

  private void coordinator() {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode b : jmh) {
      if (b.get("benchmark").asText().contains("CoordinatorBenchmark")) {
        rows.add(b);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("## FL coordinator overhead (plan + settle one round)\n\n");
    table(rows);
  }

  private void table(List<JsonNode> rows) {
    md.append("| benchmark | parameters | median | min | alloc/op | samples |\n|---|---|---|---|---|---|\n");
    for (JsonNode b : rows) {
      String name = b.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      Map<String, String> p = new TreeMap<>();
      b.path("params").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
      long samples = 0;
      for (JsonNode fork : b.path("primaryMetric").path("rawDataHistogram")) {
        for (JsonNode iter : fork) {
          for (JsonNode bin : iter) {
            samples += bin.get(1).asLong();
          }
        }
      }
      if (samples == 0) {
        for (JsonNode fork : b.path("primaryMetric").path("rawData")) {
          samples += fork.size();
        }
      }
      md.append("| ").append(name).append(" | ").append(p.toString().replaceAll("[{}]", "")).append(" | ")
          .append(duration(medianSeconds(b))).append(" | ").append(duration(minSeconds(b))).append(" | ")
          .append(bytes(allocPerOp(b))).append(" | ").append(samples).append(" |\n");
    }
    md.append('\n');
  }

  private void peerTables() {
    if (peers == null) {
      return;
    }
    md.append("## Peer comparison: the same potential, the same scenario files\n\n");
    md.append("Each scenario is written as a `cocogen.scenario/v1` document and read back; every solver maximises the"
        + " potential Φ (MODEL.md §3) of that file. Every answer is then checked by our code: Φ and the §5"
        + " certificate (max absolute regret in money, max relative regret r_i/(1+|U_i|)). Stopping rule for the"
        + " peers: projected-gradient norm in x = s/S at most gtol = ").append(peers.path("gtol").asText())
        .append(" (SciPy's own `gtol` in the same variables). Times are medians of warm repeated runs on one"
        + " thread; \"× ours\" is the peer's median over our fast path's median.\n\n");
    console.append("\nPeer comparison (median time, ratio = peer / ours fast path)\n");
    for (JsonNode c : peers.get("cases")) {
      md.append("**n = ").append(c.get("n").asInt()).append(", ").append(c.get("kind").asText().toLowerCase(Locale.ROOT))
          .append("** (`").append(c.get("scenario").asText()).append("`)\n\n");
      md.append("| solver | median | × ours | Φ − Φ_ours | max regret | max rel. regret | iterations | status |\n"
          + "|---|---|---|---|---|---|---|---|\n");
      console.append(String.format(Locale.ROOT, "  n = %d, %s%n", c.get("n").asInt(), c.get("kind").asText()));
      for (JsonNode r : c.get("solvers")) {
        if (!r.has("medianSeconds")) {
          md.append("| ").append(r.get("solver").asText()).append(" | – | – | – | – | – | – | ")
              .append(cell(r.get("status").asText())).append(" |\n");
          console.append(String.format(Locale.ROOT, "    %-34s %s%n", r.get("solver").asText(), r.get("status").asText()));
          continue;
        }
        md.append("| ").append(r.get("solver").asText()).append(" | ").append(duration(r.get("medianSeconds").asDouble()))
            .append(" | ").append(String.format(Locale.ROOT, "%.1f", r.get("ratioToOursFastPath").asDouble()))
            .append(" | ").append(sci(r.get("potentialMinusOurs").asDouble())).append(" | ")
            .append(sci(r.get("maxRegret").asDouble())).append(" | ").append(sci(r.get("maxRelativeRegret").asDouble()))
            .append(" | ").append(r.get("iterations").asInt()).append(" | ").append(cell(r.get("status").asText()))
            .append(" |\n");
        console.append(String.format(Locale.ROOT, "    %-34s %10s %9.1fx  rel. regret %s  dPhi %s%n",
            r.get("solver").asText(), duration(r.get("medianSeconds").asDouble()),
            r.get("ratioToOursFastPath").asDouble(), sci(r.get("maxRelativeRegret").asDouble()),
            sci(r.get("potentialMinusOurs").asDouble())));
      }
      md.append('\n');
    }
    for (JsonNode c : peers.get("cases")) {
      JsonNode sp = solver(c, "SciPy L-BFGS-B");
      if (sp != null && sp.has("version")) {
        md.append("SciPy: ").append(sp.get("version").asText()).append(". SciPy command (example): `")
            .append(c.get("scipyCommand").asText()).append("`.\n\n");
        break;
      }
    }
  }

  private void memoryTable() {
    if (memory.isEmpty()) {
      return;
    }
    md.append("## Memory, n = 10^6 (forked JVM per row, `MemoryProbe`)\n\n");
    md.append("`organizations` = heap retained by the 10^6 `Organization` records in a `List` alone; `game` = heap"
        + " retained by the built `RoundGame` (records, id index, federation arrays, stakes); `solve alloc` ="
        + " bytes allocated by one `CocogenSolver.equilibrium` call (solve + certificate + result); `peak` = sum of"
        + " the heap pools' peak usage during that call, game included.\n\n");
    md.append("| -Xmx | competition | state | organizations | game | solve alloc | result | peak | build | solve |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode m : memory) {
      md.append("| ").append(bytes(m.path("maxHeapBytes").asDouble())).append(" | ")
          .append(m.path("kind").asText().toLowerCase(Locale.ROOT)).append(" | ");
      if (m.path("failed").asBoolean(false)) {
        md.append("**failed**: ").append(m.path("error").asText("")).append(" | – | – | – | – | – | – | – |\n");
        continue;
      }
      md.append(m.path("state").asText()).append(" | ").append(bytes(m.path("organizationsBytes").asDouble()))
          .append(" | ").append(bytes(m.path("gameBytes").asDouble())).append(" | ")
          .append(bytes(m.path("solveAllocatedBytes").asDouble())).append(" | ")
          .append(bytes(m.path("resultBytes").asDouble())).append(" | ")
          .append(bytes(m.path("peakHeapBytes").asDouble())).append(" | ")
          .append(duration(m.path("buildSeconds").asDouble())).append(" | ")
          .append(duration(m.path("solveSeconds").asDouble())).append(" |\n");
    }
    md.append('\n');
  }

  private void commands() throws IOException {
    Path cmd = dir.resolve("commands.txt");
    if (!Files.exists(cmd)) {
      return;
    }
    md.append("## Exact commands\n\n```\n").append(Files.readString(cmd).strip()).append("\n```\n");
  }
}
