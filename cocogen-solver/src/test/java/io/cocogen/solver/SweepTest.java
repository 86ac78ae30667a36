package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Comparative statics ({@link Sweep}): order, determinism across worker counts, replication, errors. */
class SweepTest {
  private static final double[] THETAS = {0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
  private static final double[] GAMMAS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

  private static RoundGame base(Kind kind) {
    return TestGames.potentialGame(new SplittableRandom(99), 12, kind, 0.5, false);
  }

  @Test
  void thetaAndGammaBarSweepsGiveRowsInOrderMatchingDirectSolves() {
    for (Sweep.Parameter p : new Sweep.Parameter[] {Sweep.Parameter.THETA, Sweep.Parameter.GAMMA_BAR}) {
      double[] values = p == Sweep.Parameter.THETA ? THETAS : GAMMAS;
      RoundGame base = base(Kind.UNIFORM);
      Sweep.Table table = Sweep.run(base, p, values, SolverOptions.DEFAULT);
      assertThat(table.parameter()).isEqualTo(p);
      assertThat(table.rows()).hasSize(values.length);
      for (int t = 0; t < values.length; t++) {
        Sweep.Row row = table.rows().get(t);
        assertThat(row.value()).isEqualTo(values[t]);
        RoundGame g = Sweep.vary(base, p, values[t]);
        if (p == Sweep.Parameter.THETA) {
          assertThat(g.theta()).isEqualTo(values[t]);
        } else {
          assertThat(g.rowSums()[0]).isCloseTo(values[t], within(1e-12));
        }
        Equilibrium ne = CocogenSolver.equilibrium(g);
        WelfareOptimum so = WelfareOptimizer.optimize(g, SolverOptions.DEFAULT);
        assertThat(row.nashState()).isEqualTo(SolveState.OPTIMAL);
        assertThat(row.optimumState()).isEqualTo(SolveState.OPTIMAL);
        assertThat(row.nashWelfare()).isCloseTo(ne.welfare(), within(1e-9 * TestGames.mag(ne.welfare(), 0)));
        assertThat(row.optimumWelfare()).isCloseTo(so.welfare(), within(1e-9 * TestGames.mag(so.welfare(), 0)));
        assertThat(row.optimumWelfare()).isGreaterThanOrEqualTo(row.nashWelfare() - 1e-12 * TestGames.mag(so.welfare(), 0));
        assertThat(row.vcflWelfare()).isEqualTo(Baselines.vcfl(g).welfare());
        assertThat(row.wcoWelfare()).isCloseTo(Baselines.wco(g, SolverOptions.DEFAULT).welfare(),
            within(1e-9 * TestGames.mag(row.wcoWelfare(), 0)));
        assertThat(row.efficiency()).isCloseTo(row.nashWelfare() / row.optimumWelfare(), within(1e-15));
        assertThat(row.maxRelativeRegret()).isLessThanOrEqualTo(SolverOptions.DEFAULT.tolerance());
      }
      String csv = table.toCsv();
      assertThat(csv.lines().count()).isEqualTo(values.length + 1L);
      assertThat(csv.lines().findFirst().orElseThrow()).startsWith(p.key() + ",nash_state");
    }
  }

  @Test
  void parallelSweepsAreBitIdenticalToOneWorker() {
    for (Kind kind : new Kind[] {Kind.UNIFORM, Kind.SEGMENTS, Kind.DENSE}) {
      RoundGame base = base(kind);
      for (Sweep.Parameter p : new Sweep.Parameter[] {Sweep.Parameter.THETA, Sweep.Parameter.GAMMA_BAR,
          Sweep.Parameter.COST_SCALE}) {
        // 21 points: several warm-started chunks, split differently for every worker count.
        double[] values = new double[21];
        for (int t = 0; t < values.length; t++) {
          double x = t / 20.0;
          values[t] = p == Sweep.Parameter.THETA ? x : p == Sweep.Parameter.GAMMA_BAR ? 0.6 * x : Math.pow(8, 2 * x - 1);
        }
        Sweep.Table one = Sweep.run(base, p, values, SolverOptions.DEFAULT, 1);
        for (int workers : new int[] {2, 3, 4, 16}) {
          Sweep.Table many = Sweep.run(base, p, values, SolverOptions.DEFAULT, workers);
          assertThat(many.rows()).as("%s %s with %d workers", kind, p, workers).isEqualTo(one.rows());
          assertThat(many.toCsv()).isEqualTo(one.toCsv());
        }
        assertThat(Sweep.run(base, p, values, SolverOptions.DEFAULT).rows()).isEqualTo(one.rows());
      }
    }
  }

  @Test
  void nSweepReplicatesTheOrganizations() {
    RoundGame base = base(Kind.SEGMENTS);
    List<Organization> orgs = base.federation().organizations();
    double[] values = {1, 5, 12, 30};
    Sweep.Table table = Sweep.run(base, Sweep.Parameter.N, values, SolverOptions.DEFAULT);
    assertThat(table.rows()).extracting(Sweep.Row::value).containsExactly(1.0, 5.0, 12.0, 30.0);
    for (double v : values) {
      RoundGame g = Sweep.vary(base, Sweep.Parameter.N, v);
      assertThat(g.size()).isEqualTo((int) v);
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < g.size(); i++) {
        Organization o = g.federation().organizations().get(i);
        Organization original = orgs.get(i % orgs.size());
        assertThat(ids.add(o.id())).isTrue();
        assertThat(o.realSamples()).isEqualTo(original.realSamples());
        assertThat(o.capacity()).isEqualTo(original.capacity());
        assertThat(o.marketValue()).isEqualTo(original.marketValue());
        assertThat(o.id()).startsWith(original.id());
      }
    }
    for (Sweep.Row row : table.rows()) {
      assertThat(row.nashState()).isEqualTo(SolveState.OPTIMAL);
    }
    // Uniform competition replicates too.
    RoundGame uniform = base(Kind.UNIFORM);
    assertThat(Sweep.vary(uniform, Sweep.Parameter.N, 36).rowSums()[35]).isCloseTo(uniform.rowSums()[0], within(1e-12));
  }

  @Test
  void badParametersGiveClearErrors() {
    assertThat(Sweep.Parameter.parse("gammaBar")).isEqualTo(Sweep.Parameter.GAMMA_BAR);
    assertThat(Sweep.Parameter.parse("gamma-bar")).isEqualTo(Sweep.Parameter.GAMMA_BAR);
    assertThat(Sweep.Parameter.parse("GAMMA_BAR")).isEqualTo(Sweep.Parameter.GAMMA_BAR);
    assertThat(Sweep.Parameter.parse("theta")).isEqualTo(Sweep.Parameter.THETA);
    assertThat(Sweep.Parameter.parse("N")).isEqualTo(Sweep.Parameter.N);
    assertThatThrownBy(() -> Sweep.Parameter.parse("gamma"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("gamma").hasMessageContaining("unknown sweep parameter")
        .hasMessageContaining("gammaBar").hasMessageContaining("theta")
        .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo("param"));
    RoundGame base = base(Kind.UNIFORM);
    RoundGame dense = base(Kind.DENSE);
    assertInvalid(() -> Sweep.run(base, Sweep.Parameter.THETA, new double[] {0.5, 1.5}, SolverOptions.DEFAULT),
        "competition.theta");
    assertInvalid(() -> Sweep.run(base, Sweep.Parameter.N, new double[] {2.5}, SolverOptions.DEFAULT), "n");
    assertInvalid(() -> Sweep.run(base, Sweep.Parameter.N, new double[] {0}, SolverOptions.DEFAULT), "n");
    assertInvalid(() -> Sweep.run(base, Sweep.Parameter.THETA, new double[0], SolverOptions.DEFAULT), "values");
    assertInvalid(() -> Sweep.run(base, Sweep.Parameter.THETA, new double[] {Double.NaN}, SolverOptions.DEFAULT),
        "theta");
    assertInvalid(() -> Sweep.run(base, Sweep.Parameter.GAMMA_BAR, new double[] {-0.1}, SolverOptions.DEFAULT),
        "competition.uniform");
    assertInvalid(() -> Sweep.run(dense, Sweep.Parameter.N, new double[] {20}, SolverOptions.DEFAULT), "param");
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOf(InvalidModelException.class)
        .satisfies(e -> assertThat(((InvalidModelException) e).field()).isEqualTo(field));
  }
}
