package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.SolveState;
import io.cocogen.testkit.SeededProperty;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/** Core membership and the least core (MODEL.md §9) on games with known answers and by brute force. */
class CoreAnalysisTest {

  /**
   * Convex (supermodular) games {@code v(S) = (Σ_{i∈S} a_i)²} have a non-empty core containing the Shapley
   * value; the least core has {@code ε ≤ 0}.
   */
  @Test
  void convexGameHasACoreContainingTheShapleyValue() {
    SeededProperty.forAll("convex game", 11L, 20, (random, seed) -> {
      int n = 2 + random.nextInt(9);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = 0.1 + random.nextDouble();
      }
      double[] v = new double[1 << n];
      for (int m = 1; m < v.length; m++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          if ((m >>> i & 1) != 0) {
            s += a[i];
          }
        }
        v[m] = s * s;
      }
      double[] phi = ShapleyValues.exact(n, v);
      CoreCheck c = CoreAnalysis.check(n, v, phi);
      assertThat(c.inCore()).isTrue();
      assertThat(c.efficient()).isTrue();
      LeastCore lc = CoreAnalysis.leastCore(n, v);
      assertThat(lc.state()).isEqualTo(SolveState.OPTIMAL);
      assertThat(lc.coreNonEmpty()).isTrue();
      assertThat(lc.epsilon()).isLessThanOrEqualTo(lc.tolerance());
      assertThat(CoreAnalysis.check(n, v, lc.allocation()).inCore()).isTrue();
    });
  }

  /** The 3-player majority game ({@code v(S) = 1} iff {@code |S| ≥ 2}) has an empty core; least core ε = 1/3. */
  @Test
  void majorityGameHasAnEmptyCore() {
    double[] v = new double[8];
    for (int m = 0; m < 8; m++) {
      v[m] = Integer.bitCount(m) >= 2 ? 1 : 0;
    }
    CoreCheck c = CoreAnalysis.check(3, v, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});
    assertThat(c.inCore()).isFalse();
    assertThat(c.efficient()).isTrue();
    assertThat(c.maxExcess()).isCloseTo(1.0 / 3, offset(1e-12));
    assertThat(Integer.bitCount(c.mostViolated())).isEqualTo(2);
    assertThat(c.mostViolatedMembers()).hasSize(2);
    CoreCheck skewed = CoreAnalysis.check(3, v, new double[] {1, 0, 0});
    assertThat(skewed.inCore()).isFalse();
    assertThat(skewed.mostViolated()).isEqualTo(0b110);
    assertThat(skewed.maxExcess()).isCloseTo(1.0, offset(1e-12));

    LeastCore lc = CoreAnalysis.leastCore(3, v);
    assertThat(lc.state()).isEqualTo(SolveState.OPTIMAL);
    assertThat(lc.lpState()).isEqualTo("OPTIMAL");
    assertThat(lc.coreNonEmpty()).isFalse();
    assertThat(lc.epsilon()).isCloseTo(1.0 / 3, offset(1e-9));
    assertThat(lc.allocation()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, offset(1e-9));
    assertThat(lc.maxExcess()).isCloseTo(1.0 / 3, offset(1e-9));
  }

  /** An allocation that does not distribute exactly {@code v(N)} is not in the core. */
  @Test
  void inefficientAllocationIsNotInTheCore() {
    double[] v = {0, 1, 1, 3};
    CoreCheck c = CoreAnalysis.check(2, v, new double[] {1.5, 1.6});
    assertThat(c.efficient()).isFalse();
    assertThat(c.inCore()).isFalse();
    assertThat(c.efficiencyGap()).isCloseTo(0.1, offset(1e-12));
    assertThat(CoreAnalysis.check(2, v, new double[] {1.5, 1.5}).inCore()).isTrue();
  }

  /** Least-core ε by constraint generation equals ε by enumerating every LP vertex (n from 2 to 5). */
  @Test
  void leastCoreMatchesVertexEnumeration() {
    SeededProperty.forAll("least core vs vertices", 12L, 24, (random, seed) -> {
      int n = 2 + (int) (Math.abs(seed) % 4);
      double[] v = ShapleyValuesTest.randomTable(random, n);
      LeastCore lc = CoreAnalysis.leastCore(n, v);
      assertThat(lc.state()).isEqualTo(SolveState.OPTIMAL);
      double brute = vertexLeastCore(n, v);
      assertThat(lc.epsilon()).as("n=%d", n).isCloseTo(brute, offset(1e-7 * (1 + Math.abs(brute))));
      assertThat(lc.maxExcess()).isCloseTo(brute, offset(1e-7 * (1 + Math.abs(brute))));
      double sum = 0;
      for (double x : lc.allocation()) {
        sum += x;
      }
      assertThat(sum).isCloseTo(v[(1 << n) - 1], offset(1e-7 * (1 + Math.abs(sum))));
    });
  }

  /**
   * Against the full LP with all {@code 2^n − 2} constraints at once (n = 6 to 8), and on the coalition
   * values of round games.
   */
  @Test
  void leastCoreMatchesTheFullLp() {
    SeededProperty.forAll("least core vs full LP", 13L, 6, (random, seed) -> {
      int n = 6 + random.nextInt(3);
      double[] v = ShapleyValuesTest.randomTable(random, n);
      LeastCore lc = CoreAnalysis.leastCore(n, v);
      assertThat(lc.state()).isEqualTo(SolveState.OPTIMAL);
      assertThat(lc.constraints()).isLessThanOrEqualTo((1 << n) - 2);
      assertThat(lc.epsilon()).isCloseTo(fullLp(n, v), offset(1e-7));
    });
    int[] trial = {0};
    SeededProperty.forAll("least core of round games", 14L, 10, (random, seed) -> {
      RoundGame game = TestSupport.randomGame(random, trial[0]++, 3, 8);
      int n = game.size();
      CoalitionTable t = CoalitionValues.of(game).table(ValueFunction.SURPLUS);
      for (ValueFunction f : ValueFunction.values()) {
        double[] v = t.values(f);
        LeastCore lc = CoreAnalysis.leastCore(n, v);
        assertThat(lc.state()).isEqualTo(SolveState.OPTIMAL);
        double scale = 0;
        for (double x : v) {
          scale = Math.max(scale, Math.abs(x));
        }
        assertThat(lc.epsilon()).isCloseTo(fullLp(n, v), offset(1e-7 * (1 + scale)));
        CoreCheck c = CoreAnalysis.check(n, v, lc.allocation());
        assertThat(c.maxExcess()).isCloseTo(lc.epsilon(), offset(1e-7 * (1 + scale)));
        assertThat(c.inCore()).isEqualTo(lc.coreNonEmpty());
      }
    });
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> CoreAnalysis.leastCore(1, new double[2])).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> CoreAnalysis.check(2, new double[3], new double[2]))
        .isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> CoreAnalysis.check(2, new double[4], new double[3]))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("allocation");
    assertThatThrownBy(() -> CoreAnalysis.check(21, new double[4], new double[21]))
        .isInstanceOf(InvalidModelException.class);
    CoreCheck single = CoreAnalysis.check(1, new double[] {0, 5}, new double[] {5});
    assertThat(single.inCore()).isTrue();
    assertThat(single.mostViolated()).isEqualTo(-1);
  }

  /** Min ε over all vertices of {@code {x(S) + ε ≥ v(S), x(N) = v(N)}}: n tight coalitions plus efficiency. */
  static double vertexLeastCore(int n, double[] v) {
    int full = (1 << n) - 1;
    int[] coalitions = new int[full - 1];
    for (int m = 1; m < full; m++) {
      coalitions[m - 1] = m;
    }
    double[] best = {Double.POSITIVE_INFINITY};
    int[] pick = new int[n];
    choose(coalitions, 0, 0, pick, n, v, best);
    return best[0];
  }

  private static void choose(int[] cs, int from, int depth, int[] pick, int n, double[] v, double[] best) {
    if (depth == n) {
      int dim = n + 1;
      double[] a = new double[dim * dim];
      double[] b = new double[dim];
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < n; i++) {
          a[r * dim + i] = (pick[r] >>> i & 1) != 0 ? 1 : 0;
        }
        a[r * dim + n] = 1;
        b[r] = v[pick[r]];
      }
      for (int i = 0; i < n; i++) {
        a[n * dim + i] = 1;
      }
      b[n] = v[(1 << n) - 1];
      if (!gauss(a, b, dim)) {
        return;
      }
      double eps = b[n];
      for (int m = 1; m < (1 << n) - 1; m++) {
        double xs = 0;
        for (int i = 0; i < n; i++) {
          if ((m >>> i & 1) != 0) {
            xs += b[i];
          }
        }
        if (xs + eps < v[m] - 1e-9) {
          return;
        }
      }
      best[0] = Math.min(best[0], eps);
      return;
    }
    for (int k = from; k < cs.length; k++) {
      pick[depth] = cs[k];
      choose(cs, k + 1, depth + 1, pick, n, v, best);
    }
  }

  private static boolean gauss(double[] a, double[] b, int m) {
    for (int c = 0; c < m; c++) {
      int p = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(a[r * m + c]) > Math.abs(a[p * m + c])) {
          p = r;
        }
      }
      if (Math.abs(a[p * m + c]) < 1e-10) {
        return false;
      }
      for (int k = 0; k < m; k++) {
        double t = a[c * m + k];
        a[c * m + k] = a[p * m + k];
        a[p * m + k] = t;
      }
      double t = b[c];
      b[c] = b[p];
      b[p] = t;
      for (int r = 0; r < m; r++) {
        if (r != c) {
          double f = a[r * m + c] / a[c * m + c];
          for (int k = c; k < m; k++) {
            a[r * m + k] -= f * a[c * m + k];
          }
          b[r] -= f * b[c];
        }
      }
    }
    for (int r = 0; r < m; r++) {
      b[r] /= a[r * m + r];
    }
    return true;
  }

  /** The least-core LP with every coalition constraint from the start. */
  static double fullLp(int n, double[] v) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] x = new Variable[n];
    for (int i = 0; i < n; i++) {
      x[i] = model.addVariable("x" + i);
    }
    Variable eps = model.addVariable("e").weight(1);
    int full = (1 << n) - 1;
    Expression eff = model.addExpression("eff").level(v[full]);
    for (Variable xi : x) {
      eff.set(xi, 1);
    }
    for (int m = 1; m < full; m++) {
      Expression c = model.addExpression("c" + m).lower(v[m]);
      for (int i = 0; i < n; i++) {
        if ((m >>> i & 1) != 0) {
          c.set(x[i], 1);
        }
      }
      c.set(eps, 1);
    }
    Optimisation.Result r = model.minimise();
    assertThat(r.getState().isOptimal()).isTrue();
    return r.doubleValue(n);
  }
}
