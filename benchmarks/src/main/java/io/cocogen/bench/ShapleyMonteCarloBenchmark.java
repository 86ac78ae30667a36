package io.cocogen.bench;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.incentive.MonteCarloOptions;
import io.cocogen.incentive.ShapleyEstimate;
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
 * Monte Carlo Shapley values of the surplus game (MODEL.md §9): a fixed number of antithetic permutation
 * samples ({@code samples}; each is a permutation and its reverse), seeded, in parallel on the common
 * fork-join pool. The time per sample is the figure to compare across n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class ShapleyMonteCarloBenchmark {

  @Param({"100", "1000"})
  public int n;

  /** Antithetic samples per estimate. */
  @Param({"32"})
  public int samples;

  RoundGame game;
  MonteCarloOptions options;

  @Setup(Level.Trial)
  public void setUp() {
    game = Games.game(n, Kind.UNIFORM);
    options = MonteCarloOptions.DEFAULT.withSamples(samples, samples);
  }

  @Benchmark
  public ShapleyEstimate monteCarlo() {
    return ShapleyValues.monteCarlo(game, ValueFunction.SURPLUS, SolverOptions.DEFAULT, options);
  }
}
