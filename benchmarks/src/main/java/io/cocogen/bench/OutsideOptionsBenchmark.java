package io.cocogen.bench;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.incentive.Redistribution;
import io.cocogen.incentive.RedistributionMechanism;
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
 * The default redistribution call {@link RedistributionMechanism#compute(RoundGame)}: as
 * {@link WelfareBenchmark#redistribution()} plus every organization's outside option {@code v({i})}
 * (n single-organization solves).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutsideOptionsBenchmark {

  @Param({"100", "1000"})
  public int n;

  RoundGame game;

  @Setup(Level.Trial)
  public void setUp() {
    game = Games.game(n, Kind.UNIFORM);
  }

  @Benchmark
  public Redistribution redistributionWithOutsideOptions() {
    return RedistributionMechanism.compute(game);
  }
}
