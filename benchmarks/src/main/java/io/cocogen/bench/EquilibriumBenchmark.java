package io.cocogen.bench;

import io.cocogen.api.RoundGame;
import io.cocogen.solver.Certificate;
import io.cocogen.solver.Certifier;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.FastPathProbe;
import io.cocogen.solver.SolveState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Nash equilibrium of one round (MODEL.md §4–§5) for n from 10 to 10^6, uniform and segment
 * competition, one thread:
 * <ul>
 *   <li>{@code fastPath}: the aggregate Newton solve alone (what produces the profile);</li>
 *   <li>{@code certificate}: the §5 certificate of the equilibrium profile ({@link Certifier#nash});</li>
 *   <li>{@code equilibrium}: the public entry point {@link CocogenSolver#equilibrium(RoundGame)}: solve,
 *       certificate, utilities, welfare and potential.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EquilibriumBenchmark {

  @Param({"10", "1000", "100000", "1000000"})
  public int n;

  @Param({"UNIFORM", "SEGMENTS"})
  public String kind;

  RoundGame game;
  FastPathProbe probe;
  double[] equilibrium;

  @Setup(Level.Trial)
  public void setUp() {
    game = Games.game(n, Games.kind(kind));
    probe = new FastPathProbe(game);
    Equilibrium e = CocogenSolver.equilibrium(game);
    if (e.state() != SolveState.OPTIMAL) {
      throw new IllegalStateException("benchmark game not solved: " + e);
    }
    equilibrium = e.synthetic();
  }

  @Benchmark
  public double[] fastPath() {
    return probe.solve();
  }

  @Benchmark
  public Certificate certificate() {
    return Certifier.nash(game, equilibrium);
  }

  @Benchmark
  public Equilibrium equilibrium() {
    return CocogenSolver.equilibrium(game);
  }
}
