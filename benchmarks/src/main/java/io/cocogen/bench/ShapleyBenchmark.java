package io.cocogen.bench;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.incentive.ShapleyValues;
import io.cocogen.incentive.ValueFunction;
import io.cocogen.solver.SolverOptions;
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
 * Exact Shapley values of the surplus game {@code v_Δ = v^SO − v^NE} (MODEL.md §9; what the SHAPLEY sharing
 * rule uses): all {@code 2^n} coalitions, each solved for its equilibrium and its welfare optimum, in
 * parallel on the common fork-join pool (every core of the machine: 2 on the reference machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class ShapleyBenchmark {

  @Param({"12", "16", "20"})
  public int n;

  RoundGame game;

  @Setup(Level.Trial)
  public void setUp() {
    game = Games.game(n, Kind.UNIFORM);
  }

  @Benchmark
  public double[] exact() {
    return ShapleyValues.exact(game, ValueFunction.SURPLUS, SolverOptions.DEFAULT);
  }
}
