package io.cocogen.bench;

import io.cocogen.api.RoundGame;
import io.cocogen.incentive.Redistribution;
import io.cocogen.incentive.RedistributionMechanism;
import io.cocogen.incentive.SharingRule;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.WelfareOptimizer;
import io.cocogen.solver.WelfareOptimum;
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
 * The welfare optimum (MODEL.md §6, with its certificate and duality bound) and the CoCoGen+
 * redistribution (MODEL.md §8: equilibrium, optimum, subsidies, fees, shares and the plan's certificate
 * under transfers; outside options not computed, see {@link OutsideOptionsBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WelfareBenchmark {

  @Param({"1000", "100000", "1000000"})
  public int n;

  @Param({"UNIFORM", "SEGMENTS"})
  public String kind;

  RoundGame game;

  @Setup(Level.Trial)
  public void setUp() {
    game = Games.game(n, Games.kind(kind));
  }

  @Benchmark
  public WelfareOptimum welfareOptimum() {
    return WelfareOptimizer.optimize(game, SolverOptions.DEFAULT);
  }

  @Benchmark
  public Redistribution redistribution() {
    return RedistributionMechanism.compute(game, SharingRule.CONTRIBUTION_AND_DEGRADATION, SolverOptions.DEFAULT,
        null, false);
  }
}
