package io.cocogen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.api.json.ScenarioCodec;
import io.cocogen.bench.peer.OjAlgoSqp;
import io.cocogen.bench.peer.ProjectedGradient;
import io.cocogen.solver.Certifier;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the benchmark setup code: every state builds and one invocation of every benchmark runs on
 * small instances; the peers reach our answer. No timing: the benchmarks themselves run only from
 * {@code ./bench}.
 */
class BenchmarkSetupTest {

  @Test
  void equilibriumBenchmarkRunsOnce() {
    for (String kind : new String[] {"UNIFORM", "SEGMENTS"}) {
      EquilibriumBenchmark b = new EquilibriumBenchmark();
      b.n = 1000;
      b.kind = kind;
      b.setUp();
      assertThat(b.fastPath()).hasSize(1000);
      assertThat(b.certificate().maxRelativeRegret()).isLessThan(1e-9);
      assertThat(b.equilibrium().state()).isEqualTo(SolveState.OPTIMAL);
    }
  }

  @Test
  void largeGamesAreBuiltByIndex() {
    RoundGame g = Games.game(5000, Kind.SEGMENTS);
    assertThat(g.size()).isEqualTo(5000);
    assertThat(g.competition()).isNull();
    assertThat(Games.game(50, Kind.UNIFORM).competition()).isNotNull();
  }

  @Test
  void welfareAndRedistributionBenchmarksRunOnce() {
    WelfareBenchmark w = new WelfareBenchmark();
    w.n = 1000;
    w.kind = "UNIFORM";
    w.setUp();
    assertThat(w.welfareOptimum().state()).isEqualTo(SolveState.OPTIMAL);
    assertThat(w.redistribution().relativeImbalance()).isLessThan(1e-9);
    OutsideOptionsBenchmark o = new OutsideOptionsBenchmark();
    o.n = 100;
    o.setUp();
    assertThat(o.redistributionWithOutsideOptions().outsideOptions()).hasSize(100);
  }

  @Test
  void shapleyBenchmarksRunOnce() {
    ShapleyBenchmark s = new ShapleyBenchmark();
    s.n = 8;
    s.setUp();
    assertThat(s.exact()).hasSize(8);
    ShapleyMonteCarloBenchmark mc = new ShapleyMonteCarloBenchmark();
    mc.n = 30;
    mc.samples = 4;
    mc.setUp();
    assertThat(mc.monteCarlo().values()).hasSize(30);
  }

  @Test
  void coordinatorBenchmarkRunsOnce() {
    CoordinatorBenchmark c = new CoordinatorBenchmark();
    c.n = 20;
    c.gammaBar = 0.1;
    c.setUp();
    assertThat(c.planAndSettleLongLived().outcomes()).hasSize(20);
    c.freshCoordinator();
    assertThat(c.planAndSettle().outcomes()).isNotEmpty();
    assertThat(c.planAndSettleRecalibrating().outcomes()).isNotEmpty();
  }

  @Test
  void javaPeersReachOurEquilibrium() {
    RoundGame game = Games.byId(40, Kind.SEGMENTS);
    Equilibrium ours = CocogenSolver.equilibrium(game);
    RoundGame.Workspace ws = game.newWorkspace();
    double phi = game.potential(ours.synthetic(), ws);
    double[] pg = new ProjectedGradient(game, 1e-9, 50_000).solve();
    double[] sqp = new OjAlgoSqp(game, 1e-9, 100).solve();
    for (double[] s : new double[][] {pg, sqp}) {
      assertThat(game.potential(s, ws)).isCloseTo(phi, org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(phi))));
      assertThat(game.potential(s, ws)).isLessThanOrEqualTo(phi + 1e-12 * (1 + Math.abs(phi)));
      assertThat(Certifier.nash(game, s).maxRelativeRegret()).isLessThan(1e-6);
    }
  }

  @Test
  void scipyPeerAgreesWhenAvailable(@TempDir Path dir) throws Exception {
    Path script = Path.of("peer/scipy_potential.py");
    assumeThat(Files.exists(script)).as("run from the benchmarks module").isTrue();
    assumeThat(pythonHasScipy()).as("python3 with numpy and scipy").isTrue();
    for (Kind kind : new Kind[] {Kind.UNIFORM, Kind.SEGMENTS}) {
      RoundGame original = Games.byId(30, kind);
      Path scenario = dir.resolve("s-" + kind + ".json");
      Path out = dir.resolve("o-" + kind + ".json");
      ScenarioCodec codec = new ScenarioCodec();
      codec.write(original, scenario);
      RoundGame game = codec.read(scenario);
      Process p = new ProcessBuilder("python3", script.toString(), scenario.toString(), out.toString(), "--repeat", "1")
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(log).isZero();
      JsonNode a = new ObjectMapper().readTree(out.toFile());
      double[] s = new double[30];
      for (int i = 0; i < 30; i++) {
        s[i] = a.get("synthetic").get(i).asDouble();
      }
      RoundGame.Workspace ws = game.newWorkspace();
      double phi = game.potential(CocogenSolver.equilibrium(game).synthetic(), ws);
      // The script's own potential is the same function as ours.
      assertThat(a.get("potential").asDouble()).isCloseTo(game.potential(s, ws),
          org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(phi))));
      assertThat(game.potential(s, ws)).isCloseTo(phi, org.assertj.core.api.Assertions.within(1e-7 * (1 + Math.abs(phi))));
    }
  }

  @Test
  void timingAndFormatting() {
    double[] t = Timing.measure(() -> 1, 1, 3, 0, 10);
    assertThat(t).hasSize(3);
    assertThat(Timing.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Timing.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    assertThat(Report.duration(1.5e-4)).isEqualTo("150.0 µs");
    assertThat(Report.duration(0.0123)).isEqualTo("12.30 ms");
    assertThat(Report.bytes(2048)).isEqualTo("2.0 KiB");
    assertThat(Report.unitSeconds("us/op")).isEqualTo(1e-6);
  }

  private static boolean pythonHasScipy() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy, scipy.optimize").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
