package io.cocogen.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.testkit.SeededProperty;
import org.junit.jupiter.api.Test;

/**
 * Checks of the test-side reference itself, so that agreement with it means something: its model agrees
 * with {@link RoundGame}, its gradients with finite differences, its projection is the exact Euclidean
 * projection, and its SPG reaches the KKT point of the potential.
 */
class DenseReferenceTest {

  @Test
  void modelAgreesWithTheGameAndGradientsWithFiniteDifferences() {
    SeededProperty.forAll("dense reference model", 0xDE45EL, 40, (r, seed) -> {
      RoundGame game = TestGames.potentialGame(r, 1 + r.nextInt(12), TestGames.KINDS[r.nextInt(5)], r.nextDouble(),
          r.nextBoolean());
      DenseReference ref = new DenseReference(game);
      double[] s = new double[game.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = r.nextDouble() * game.capacity()[i];
      }
      RoundGame.Workspace ws = game.newWorkspace();
      assertThat(ref.potential(s)).isCloseTo(game.potential(s, ws), within(1e-12 * TestGames.mag(ref.potential(s), 0)));
      assertThat(ref.welfare(s)).isCloseTo(game.welfare(s, ws), within(1e-11 * TestGames.mag(ref.welfare(s), 0)));
      for (int i = 0; i < s.length; i++) {
        assertThat(ref.w[i]).isCloseTo(game.commonStakes()[i], within(1e-12 * Math.abs(ref.b[i])));
        assertThat(ref.bw[i]).isCloseTo(game.welfarePrivateWeights()[i], within(1e-12 * Math.abs(ref.b[i])));
      }
      double[] grad = new double[s.length];
      double[] gw = new double[s.length];
      ref.potentialGradient(s, grad);
      ref.welfareGradient(s, gw);
      for (int i = 0; i < s.length; i++) {
        double h = 1e-4 * Math.max(1.0, s[i]);
        double[] up = s.clone();
        double[] down = s.clone();
        up[i] += h;
        down[i] -= h;
        double fd = (ref.potential(up) - ref.potential(down)) / (2 * h);
        assertThat(grad[i]).isCloseTo(fd, within(1e-5 * Math.abs(fd) + 1e-12));
        double fdw = (ref.welfare(up) - ref.welfare(down)) / (2 * h);
        assertThat(gw[i]).isCloseTo(fdw, within(1e-5 * Math.abs(fdw) + 1e-9));
      }
    });
  }

  @Test
  void projectionIsTheExactEuclideanProjection() {
    SeededProperty.forAll("projection", 0x9B0L, 100, (r, seed) -> {
      RoundGame game = TestGames.potentialGame(r, 1 + r.nextInt(20), Kind.NONE, 0, true);
      DenseReference ref = new DenseReference(game);
      int n = game.size();
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = 3 * r.nextDouble() - 1;
      }
      double[] p = new double[n];
      ref.project(v, p);
      double used = 0;
      for (int i = 0; i < n; i++) {
        assertThat(p[i]).isBetween(0.0, 1.0);
        used += ref.cap[i] * p[i];
      }
      assertThat(used).isLessThanOrEqualTo(ref.budget * (1 + 1e-12));
      // Optimality: no feasible point is closer. Compare with random feasible points and pairwise trades.
      double dist = dist(v, p);
      for (int k = 0; k < 200; k++) {
        double[] q = p.clone();
        int i = r.nextInt(n);
        int j = r.nextInt(n);
        double step = 1e-3 * (r.nextDouble() - 0.5);
        q[i] = Math.min(1, Math.max(0, q[i] + step));
        if (i != j && ref.cap[j] > 0) {
          q[j] = Math.min(1, Math.max(0, q[j] - step * ref.cap[i] / ref.cap[j]));
        }
        double u = 0;
        for (int t = 0; t < n; t++) {
          u += ref.cap[t] * q[t];
        }
        if (u <= ref.budget) {
          assertThat(dist(v, q)).isGreaterThanOrEqualTo(dist - 1e-12);
        }
      }
    });
  }

  private static double dist(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return d;
  }

  @Test
  void spgReachesTheKktPointOfThePotential() {
    // SPG's answer satisfies the KKT conditions of max Φ over the box (checked coordinate by coordinate
    // from the dense gradient when the budget is slack) and has the fast path's potential.
    SeededProperty.forAll("SPG accuracy", 0x59EL, 30, (r, seed) -> {
      RoundGame game = TestGames.potentialGame(r, 1 + r.nextInt(30), Kind.UNIFORM, r.nextDouble(), r.nextBoolean());
      DenseReference ref = new DenseReference(game);
      DenseReference.Max m = ref.maximise(ref.potentialObjective(), null, 20000);
      double[] g = new double[game.size()];
      ref.potentialGradient(m.s(), g);
      double total = ref.y(m.s());
      boolean binding = game.hasBudget() && total >= game.budget() * (1 - 1e-9);
      if (!binding) {
        for (int i = 0; i < g.length; i++) {
          double si = m.s()[i];
          double scale = Math.abs(g[i]) + ref.commonX(0) + ref.commonY(0) + ref.kappa[i] / ref.w[i];
          if (si > 1e-9 * ref.cap[i] && si < ref.cap[i] * (1 - 1e-9)) {
            assertThat(Math.abs(g[i])).as("interior stationarity of %d", i).isLessThanOrEqualTo(1e-7 * scale);
          } else if (si <= 1e-9 * ref.cap[i]) {
            assertThat(g[i]).isLessThanOrEqualTo(1e-7 * scale);
          } else {
            assertThat(g[i]).isGreaterThanOrEqualTo(-1e-7 * scale);
          }
        }
      }
      double fast = ref.potential(CocogenSolver.equilibrium(game).synthetic());
      assertThat(m.value()).isCloseTo(fast, within(1e-9 * TestGames.mag(fast, 0)));
    });
  }
}
