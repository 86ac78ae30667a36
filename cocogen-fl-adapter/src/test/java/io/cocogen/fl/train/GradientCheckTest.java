package io.cocogen.fl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocogen.fl.data.Dataset;
import io.cocogen.testkit.SeededProperty;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Analytic gradients against central finite differences on tiny random problems. */
class GradientCheckTest {
  static Dataset randomData(RandomGenerator rng, int n, int p, int k) {
    float[] f = new float[n * p];
    for (int i = 0; i < f.length; i++) {
      // Some exact zeros, as in pixel data, to exercise the zero-skipping kernels.
      f[i] = rng.nextInt(4) == 0 ? 0f : (float) rng.nextGaussian();
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(k);
    }
    return Dataset.of(f, y, p, k);
  }

  static void randomize(Model m, RandomGenerator rng, double scale) {
    double[] w = m.parameters();
    for (int i = 0; i < w.length; i++) {
      w[i] = scale * rng.nextGaussian();
    }
    m.setParameters(w);
  }

  /** Largest relative error between the analytic and the finite-difference gradient. */
  static double maxRelativeError(Model m, Dataset d, int[] idx, int from, int to) {
    double[] grad = new double[m.numParameters()];
    m.lossAndGradient(d, idx, from, to, grad);
    double[] w = m.parameters();
    double[] scratch = new double[m.numParameters()];
    double h = 1e-5;
    double worst = 0;
    for (int i = 0; i < w.length; i++) {
      double orig = w[i];
      w[i] = orig + h;
      m.setParameters(w);
      double plus = m.lossAndGradient(d, idx, from, to, scratch);
      w[i] = orig - h;
      m.setParameters(w);
      double minus = m.lossAndGradient(d, idx, from, to, scratch);
      w[i] = orig;
      m.setParameters(w);
      double numeric = (plus - minus) / (2 * h);
      double err = Math.abs(numeric - grad[i]) / Math.max(1e-4, Math.abs(numeric) + Math.abs(grad[i]));
      worst = Math.max(worst, err);
    }
    return worst;
  }

  @Test
  void softmaxGradientMatchesFiniteDifferences() {
    SeededProperty.forAll("softmax gradient", 101L, 15, (rng, seed) -> {
      int p = 1 + rng.nextInt(9);
      int k = 2 + rng.nextInt(4);
      int n = 1 + rng.nextInt(12);
      Dataset d = randomData(rng, n + 3, p, k);
      SoftmaxRegression m = new SoftmaxRegression(p, k);
      randomize(m, rng, 0.5);
      int[] idx = permutation(rng, n + 3);
      assertThat(maxRelativeError(m, d, idx, 2, 2 + n)).isLessThan(1e-6);
    });
  }

  @Test
  void mlpGradientMatchesFiniteDifferences() {
    SeededProperty.forAll("mlp gradient", 202L, 15, (rng, seed) -> {
      int p = 1 + rng.nextInt(9);
      int k = 2 + rng.nextInt(4);
      int hidden = 1 + rng.nextInt(7);
      int n = 1 + rng.nextInt(12);
      Dataset d = randomData(rng, n, p, k);
      Mlp m = new Mlp(p, hidden, k, seed);
      randomize(m, rng, 0.7);
      int[] idx = permutation(rng, n);
      // A kink of a ReLU inside the finite-difference interval would break the check; with Gaussian
      // weights that has probability of order 1e-5 per unit and is reported with its seed if it happens.
      assertThat(maxRelativeError(m, d, idx, 0, n)).isLessThan(1e-5);
    });
  }

  @Test
  void sgdStepIsGradientStepWithDecayOnWeightsOnly() {
    RandomGenerator rng = new java.util.SplittableRandom(5);
    Dataset d = randomData(rng, 6, 4, 3);
    Mlp m = new Mlp(4, 5, 3, 9);
    int[] idx = {0, 1, 2, 3, 4, 5};
    double[] w0 = m.parameters();
    double[] g = new double[m.numParameters()];
    double loss = m.lossAndGradient(d, idx, 0, 6, g);
    double lr = 0.3;
    double wd = 0.1;
    assertThat(m.sgdStep(d, idx, 0, 6, lr, wd)).isEqualTo(loss);
    double[] w1 = m.parameters();
    int biasStart1 = 4 * 5;
    int w2Start = biasStart1 + 5;
    int biasStart2 = w2Start + 5 * 3;
    for (int i = 0; i < w0.length; i++) {
      boolean bias = (i >= biasStart1 && i < w2Start) || i >= biasStart2;
      double expected = bias ? w0[i] - lr * g[i] : (1 - lr * wd) * w0[i] - lr * g[i];
      assertThat(w1[i]).as("parameter %d", i).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Test
  void kernelsMatchNaiveProducts() {
    SeededProperty.forAll("kernels", 303L, 30, (rng, seed) -> {
      int m = 1 + rng.nextInt(9);
      int k = 1 + rng.nextInt(11);
      int n = 1 + rng.nextInt(7);
      double[] a = sparse(rng, m * k);
      double[] b = sparse(rng, k * n);
      double[] c = new double[m * n];
      Kernels.mult(a, b, c, m, k, n);
      double[] bt = sparse(rng, m * n);
      double[] ct = new double[k * n];
      Kernels.multTransA(a, bt, ct, m, k, n);
      double[] b2 = sparse(rng, n * k);
      double[] c2 = new double[m * n];
      Kernels.multTransB(a, b2, c2, m, n, k);
      for (int r = 0; r < m; r++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          double s2 = 0;
          for (int t = 0; t < k; t++) {
            s += a[r * k + t] * b[t * n + j];
            s2 += a[r * k + t] * b2[j * k + t];
          }
          assertThat(c[r * n + j]).isCloseTo(s, org.assertj.core.api.Assertions.within(1e-12));
          assertThat(c2[r * n + j]).isCloseTo(s2, org.assertj.core.api.Assertions.within(1e-12));
        }
      }
      for (int t = 0; t < k; t++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int r = 0; r < m; r++) {
            s += a[r * k + t] * bt[r * n + j];
          }
          assertThat(ct[t * n + j]).isCloseTo(s, org.assertj.core.api.Assertions.within(1e-12));
        }
      }
    });
  }

  private static double[] sparse(RandomGenerator rng, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextInt(3) == 0 ? 0 : rng.nextGaussian();
    }
    return a;
  }

  static int[] permutation(RandomGenerator rng, int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return idx;
  }
}
