package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cocogen.api.Competition;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.solver.SolverOptions;
import io.cocogen.testkit.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Shapley values (MODEL.md §9): the axioms, brute force, and sampling against its intervals. */
class ShapleyValuesTest {

  /** Efficiency {@code Σφ = v(N) − v(∅)} for all three value functions on 30 random games (n ≤ 10). */
  @Test
  void efficiencyOnRoundGames() {
    int[] trial = {0};
    SeededProperty.forAll("efficiency", 1L, 30, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 1, 10);
      CoalitionTable table = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
      int full = (1 << game.size()) - 1;
      for (ValueFunction f : ValueFunction.values()) {
        double[] v = table.values(f);
        double[] phi = ShapleyValues.exact(table, f);
        double sum = 0;
        for (double p : phi) {
          sum += p;
        }
        assertThat(sum).as("%s efficiency", f).isCloseTo(v[full] - v[0], offset(1e-9 * (1 + Math.abs(v[full]))));
      }
    });
  }

  /**
   * Symmetry: two clones (identical parameters, symmetric competition: uniform, or a dense matrix with
   * equal rows and columns for the pair) get equal values in all three games; on 20 random federations.
   */
  @Test
  void clonesGetEqualValues() {
    SeededProperty.forAll("symmetry", 2L, 20, (random, seed) -> {
      int n = 4 + random.nextInt(5);
      List<Organization> orgs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Organization o = SyntheticFederations.organization("org" + i, random, 1.5, 0.5);
        if (i == 1) {
          Organization c = orgs.get(0);
          o = new Organization("org1", c.realSamples(), null, c.skew(), c.quality(), c.unitCost(), c.quadraticCost(),
              c.capacity(), c.marketValue());
        }
        orgs.add(o);
      }
      Competition comp;
      if (seed % 2 == 0) {
        comp = Competition.uniform(0.5 * random.nextDouble());
      } else {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            g[i][j] = i == j ? 0 : 0.1 * random.nextDouble();
          }
        }
        // Clones 0 and 1: the same row and column entries, and the same γ to each other.
        for (int j = 2; j < n; j++) {
          g[1][j] = g[0][j];
          g[j][1] = g[j][0];
        }
        g[1][0] = g[0][1];
        comp = Competition.dense(g);
      }
      RoundGame game = RoundGame.builder().organizations(orgs).competition(comp).theta(random.nextDouble()).build();
      CoalitionTable table = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
      for (ValueFunction f : ValueFunction.values()) {
        double[] phi = ShapleyValues.exact(table, f);
        assertThat(phi[1]).as("%s clone", f).isCloseTo(phi[0], offset(1e-9 * (1 + Math.abs(phi[0]))));
      }
    });
  }

  /**
   * Null player: {@code v'(S) = v(S ∖ {k})} makes {@code k} change no coalition's value; its value is 0 and
   * everybody else keeps the value of the game without {@code k}. Exact and sampled, 30 random games.
   */
  @Test
  void nullPlayerGetsZero() {
    SeededProperty.forAll("null player", 3L, 30, (random, seed) -> {
      int n = 2 + random.nextInt(8);
      int k = random.nextInt(n);
      double[] v = randomTable(random, n - 1);
      int lowMask = (1 << k) - 1;
      double[] w = new double[1 << n];
      for (int mask = 0; mask < w.length; mask++) {
        int without = (mask & lowMask) | ((mask >>> (k + 1)) << k);
        w[mask] = v[without];
      }
      double[] phiW = ShapleyValues.exact(n, w);
      double[] phiV = ShapleyValues.exact(n - 1, v);
      assertThat(phiW[k]).isCloseTo(0.0, offset(1e-12));
      for (int i = 0, j = 0; i < n; i++) {
        if (i != k) {
          assertThat(phiW[i]).isCloseTo(phiV[j++], offset(1e-9));
        }
      }
      ShapleyEstimate mc = ShapleyValues.monteCarlo(PermutationValues.ofMasks(n, m -> w[(int) m]),
          MonteCarloOptions.DEFAULT.withSeed(seed).withSamples(30, 60));
      assertThat(mc.values()[k]).isCloseTo(0.0, offset(1e-12));
      assertThat(mc.standardErrors()[k]).isCloseTo(0.0, offset(1e-12));
    });
  }

  /**
   * Additivity: {@code φ(v + w) = φ(v) + φ(w)} on random value functions over masks, and on round games
   * {@code φ(v^SO − v^NE) = φ(v^SO) − φ(v^NE)}.
   */
  @Test
  void additivity() {
    SeededProperty.forAll("additivity", 4L, 40, (random, seed) -> {
      int n = 1 + random.nextInt(10);
      double[] v = randomTable(random, n);
      double[] w = randomTable(random, n);
      double[] sum = new double[v.length];
      for (int m = 0; m < v.length; m++) {
        sum[m] = v[m] + w[m];
      }
      double[] a = ShapleyValues.exact(n, v);
      double[] b = ShapleyValues.exact(n, w);
      double[] c = ShapleyValues.exact(n, sum);
      for (int i = 0; i < n; i++) {
        assertThat(c[i]).isCloseTo(a[i] + b[i], offset(1e-9));
      }
    });
    int[] trial = {0};
    SeededProperty.forAll("additivity on games", 5L, 10, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 2, 9);
      CoalitionTable t = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
      double[] ne = ShapleyValues.exact(t, ValueFunction.NASH);
      double[] so = ShapleyValues.exact(t, ValueFunction.OPTIMUM);
      double[] d = ShapleyValues.exact(t, ValueFunction.SURPLUS);
      for (int i = 0; i < game.size(); i++) {
        assertThat(d[i]).isCloseTo(so[i] - ne[i], offset(1e-9 * (1 + Math.abs(so[i]))));
      }
    });
  }

  /** The mask formula equals the average over all {@code n!} orders, for n ≤ 6, abstract and round games. */
  @Test
  void exactEqualsPermutationEnumeration() {
    SeededProperty.forAll("exact vs permutations", 6L, 30, (random, seed) -> {
      int n = 1 + random.nextInt(6);
      double[] v = randomTable(random, n);
      double[] exact = ShapleyValues.exact(n, v);
      double[] brute = TestSupport.shapleyByPermutations(n, m -> v[m]);
      for (int i = 0; i < n; i++) {
        assertThat(exact[i]).isCloseTo(brute[i], offset(1e-9));
      }
    });
    int[] trial = {0};
    SeededProperty.forAll("exact vs permutations on games", 7L, 20, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 1, 6);
      CoalitionValues cv = CoalitionValues.of(game);
      int n = game.size();
      for (ValueFunction f : ValueFunction.values()) {
        double[] exact = ShapleyValues.exact(game, f, SolverOptions.DEFAULT);
        double[] brute = TestSupport.shapleyByPermutations(n, m -> m == 0 ? 0.0 : cv.value(f, TestSupport.members(m, n)));
        for (int i = 0; i < n; i++) {
          assertThat(exact[i]).as("%s player %d", f, i).isCloseTo(brute[i], offset(1e-9 * (1 + Math.abs(brute[i]))));
        }
      }
    });
  }

  /**
   * Sampling against the exact values: over 24 random games (n from 4 to 12, all three value functions,
   * plain and antithetic sampling with a small sample budget), at least 90% of the players' exact values lie
   * in their reported 95% intervals; and every estimate sums to {@code v(N) − v(∅)}.
   */
  @Test
  void monteCarloIntervalsCoverTheExactValues() {
    int[] covered = {0};
    int[] total = {0};
    int[] trial = {0};
    SeededProperty.forAll("monte carlo coverage", 8L, 24, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 4, 12);
      int n = game.size();
      CoalitionTable t = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
      for (ValueFunction f : ValueFunction.values()) {
        double[] exact = ShapleyValues.exact(t, f);
        MonteCarloOptions o = MonteCarloOptions.DEFAULT.withSeed(seed + f.ordinal()).withSamples(40, 40)
            .withAntithetic(f != ValueFunction.NASH);
        ShapleyEstimate e = ShapleyValues.monteCarlo(game, f, SolverOptions.DEFAULT, o);
        assertThat(e.samples()).isEqualTo(40);
        assertThat(e.permutations()).isEqualTo(f != ValueFunction.NASH ? 80 : 40);
        double sum = 0;
        double[] v = t.values(f);
        for (int i = 0; i < n; i++) {
          sum += e.values()[i];
          assertThat(e.lower()[i]).isLessThanOrEqualTo(e.values()[i]);
          assertThat(e.upper()[i]).isGreaterThanOrEqualTo(e.values()[i]);
          total[0]++;
          if (e.covers(i, exact[i])) {
            covered[0]++;
          }
        }
        assertThat(sum).isCloseTo(v[(1 << n) - 1], offset(1e-9 * (1 + Math.abs(v[(1 << n) - 1]))));
      }
    });
    double rate = covered[0] / (double) total[0];
    System.out.printf("Monte Carlo 95%% intervals covered %d of %d exact values (%.1f%%)%n", covered[0], total[0],
        100 * rate);
    assertThat(rate).isGreaterThanOrEqualTo(0.90);
  }

  /** The stopping rule: stops once {@code max se ≤ precision · mean |φ|}, and says so. */
  @Test
  void monteCarloStopsOnThePrecisionAndIsReproducible() {
    RoundGame game = SyntheticFederations.game(new SplittableRandom(12),
        SyntheticFederations.Spec.of(30, SyntheticFederations.Kind.SEGMENTS, 0.4, 0.0));
    MonteCarloOptions o = MonteCarloOptions.DEFAULT.withPrecision(0.01).withSamples(30, 2000);
    ShapleyEstimate a = ShapleyValues.monteCarlo(game, ValueFunction.OPTIMUM, SolverOptions.DEFAULT, o);
    assertThat(a.status()).isEqualTo(ShapleyEstimate.Status.CONVERGED);
    assertThat(a.converged()).isTrue();
    double meanAbs = 0;
    double maxSe = 0;
    for (int i = 0; i < 30; i++) {
      meanAbs += Math.abs(a.values()[i]) / 30;
      maxSe = Math.max(maxSe, a.standardErrors()[i]);
    }
    assertThat(maxSe).isLessThanOrEqualTo(0.01 * meanAbs);
    assertThat(a.achievedPrecision()).isCloseTo(maxSe / meanAbs, offset(1e-12));
    assertThat(a.samples() % o.batchSize()).isZero();
    assertThat(a.coalitionEvaluations()).isEqualTo(a.permutations() * 30);
    ShapleyEstimate b = ShapleyValues.monteCarlo(game, ValueFunction.OPTIMUM, SolverOptions.DEFAULT, o);
    assertThat(b.values()).isEqualTo(a.values());
    assertThat(b.standardErrors()).isEqualTo(a.standardErrors());

    ShapleyEstimate capped = ShapleyValues.monteCarlo(game, ValueFunction.SURPLUS, SolverOptions.DEFAULT,
        o.withPrecision(1e-6).withSamples(4, 8));
    assertThat(capped.status()).isEqualTo(ShapleyEstimate.Status.MAX_SAMPLES);
    assertThat(capped.samples()).isEqualTo(8);
    assertThat(capped.achievedPrecision()).isGreaterThan(1e-6);
  }

  /** Quantiles used for the intervals, against tabulated values. */
  @Test
  void quantiles() {
    assertThat(ShapleyValues.normalQuantile(0.975)).isCloseTo(1.959963985, offset(1e-8));
    assertThat(ShapleyValues.normalQuantile(0.5)).isCloseTo(0.0, offset(1e-12));
    assertThat(ShapleyValues.normalQuantile(0.001)).isCloseTo(-3.090232306, offset(1e-7));
    assertThat(ShapleyValues.studentQuantile(0.975, 1)).isCloseTo(12.7062047, offset(1e-6));
    assertThat(ShapleyValues.studentQuantile(0.975, 2)).isCloseTo(4.30265273, offset(1e-7));
    assertThat(ShapleyValues.studentQuantile(0.975, 3)).isCloseTo(3.18244631, offset(1e-7));
    assertThat(ShapleyValues.studentQuantile(0.975, 4)).isCloseTo(2.77644511, offset(1e-7));
    assertThat(ShapleyValues.studentQuantile(0.975, 10)).isCloseTo(2.22813885, offset(2e-3));
    assertThat(ShapleyValues.studentQuantile(0.975, 29)).isCloseTo(2.04522964, offset(1e-4));
    assertThat(ShapleyValues.studentQuantile(0.025, 29)).isCloseTo(-2.04522964, offset(1e-4));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> ShapleyValues.exact(3, new double[7])).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> ShapleyValues.exact(25, new double[1])).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> ShapleyValues.exact(1, new double[] {0, Double.NaN}))
        .isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> MonteCarloOptions.DEFAULT.withPrecision(0)).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> MonteCarloOptions.DEFAULT.withSamples(10, 5)).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> PermutationValues.ofMasks(64, m -> 0)).isInstanceOf(InvalidModelException.class);
  }

  static double[] randomTable(java.util.random.RandomGenerator r, int n) {
    double[] v = new double[1 << n];
    for (int m = 0; m < v.length; m++) {
      v[m] = 10 * r.nextGaussian() + Integer.bitCount(m) * 3;
    }
    return v;
  }
}
