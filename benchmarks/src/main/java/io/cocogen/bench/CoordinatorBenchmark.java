package io.cocogen.bench;

import io.cocogen.api.Competition;
import io.cocogen.api.Organization;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.fl.CoopetitionCoordinator;
import io.cocogen.fl.OrganizationObservation;
import io.cocogen.fl.OrganizationPlan;
import io.cocogen.fl.OrganizationReport;
import io.cocogen.fl.RoundPlan;
import io.cocogen.fl.RoundSettlement;
import io.cocogen.fl.calibration.CalibrationPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Overhead the {@link CoopetitionCoordinator} adds to one FL round of n organizations: {@code planRound}
 * (CoCoGen+ redistribution with outside options, per-class quotas) plus {@code settleRound} (settlement on
 * the generated counts, outcomes), every organization following its instruction and the loss the model
 * predicts as the "measured" loss, so that everybody keeps participating and every round has n
 * participants. No ledger (durable writes measure the disk, not the coordinator).
 * <ul>
 *   <li>{@code planAndSettle}: recalibration off; each invocation plays {@value #ROUNDS} rounds on a fresh
 *       coordinator, and the time is reported per round. (A coordinator's settlement copies every
 *       calibration observation it holds, so on one long-lived coordinator the cost per round grows with the
 *       number of rounds played; {@code planAndSettleLongLived} shows that.)</li>
 *   <li>{@code planAndSettleLongLived}: recalibration off, one coordinator for the whole run (thousands of
 *       rounds), one round per operation;</li>
 *   <li>{@code planAndSettleRecalibrating}: recalibration on, a fresh coordinator per operation that already
 *       holds {@code 10 n} observations (ten earlier rounds), so the Levenberg–Marquardt refit of the
 *       scaling law is part of the settled round.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoordinatorBenchmark {
  /** Rounds per invocation of {@link #planAndSettle()}. */
  public static final int ROUNDS = 20;

  @Param({"100"})
  public int n;

  /** Competitive exposure; low enough that every organization prefers the federation to going alone. */
  @Param({"0.1"})
  public double gammaBar;

  List<Organization> organizations;
  List<OrganizationReport> reports;
  List<CalibrationPoint> history;
  ScalingLawModel law;
  CoopetitionCoordinator steady;
  CoopetitionCoordinator fresh;
  CoopetitionCoordinator freshPlain;
  int round;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(Games.SEED);
    law = ScalingLawModel.defaults(10);
    organizations = new ArrayList<>(n);
    reports = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Organization o = SyntheticFederations.organization("org" + i, r, 1.5, 0.5);
      organizations.add(o);
      reports.add(new OrganizationReport(o.id(), o.realSamples(), null, true));
    }
    steady = coordinator(false, List.of());
    round = 0;
    // Ten rounds of observations for the recalibrating variant.
    CoopetitionCoordinator warm = coordinator(true, List.of());
    for (int t = 0; t < 10; t++) {
      playRound(warm, t);
    }
    history = warm.calibrationPoints();
  }

  @Setup(Level.Invocation)
  public void freshCoordinator() {
    fresh = coordinator(true, history);
    freshPlain = coordinator(false, List.of());
  }

  CoopetitionCoordinator coordinator(boolean recalibrate, List<CalibrationPoint> pilot) {
    return CoopetitionCoordinator.builder().organizations(organizations).competition(Competition.uniform(gammaBar))
        .theta(Games.THETA).performance(law).recalibrate(recalibrate).pilotPoints(pilot).build();
  }

  /** Plans round {@code t}, has everybody follow its instruction, and settles it. */
  RoundSettlement playRound(CoopetitionCoordinator c, int t) {
    RoundPlan plan = c.planRound(t, reports);
    double dTotal = 0;
    double hTotal = 0;
    double x = 0;
    double y = 0;
    List<OrganizationPlan> plans = plan.plans();
    for (int i = 0; i < n; i++) {
      OrganizationPlan p = plans.get(i);
      if (p.participates()) {
        Organization o = organizations.get(i);
        dTotal += o.realSamples();
        hTotal += o.realSamples() * o.skew();
        x += o.quality() * p.syntheticCount();
        y += p.syntheticCount();
      }
    }
    List<OrganizationObservation> obs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      OrganizationPlan p = plans.get(i);
      if (p.participates()) {
        Organization o = organizations.get(i);
        double loss = law.loss(dTotal, hTotal, x, y, o.realSamples(), o.skew(), o.quality(), p.syntheticCount());
        obs.add(new OrganizationObservation(o.id(), p.syntheticCount(), loss, Double.NaN));
      }
    }
    return c.settleRound(t, obs);
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public RoundSettlement planAndSettle() {
    RoundSettlement last = null;
    for (int t = 0; t < ROUNDS; t++) {
      last = playRound(freshPlain, t);
    }
    return last;
  }

  @Benchmark
  public RoundSettlement planAndSettleLongLived() {
    return playRound(steady, round++);
  }

  @Benchmark
  public RoundSettlement planAndSettleRecalibrating() {
    return playRound(fresh, 10);
  }
}
