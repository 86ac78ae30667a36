package io.cocogen.fl.train;

import java.util.Arrays;

/**
 * Row-major matrix products for the dense models, as plain loops whose innermost loop runs over
 * contiguous memory (so the JIT vectorises it), blocked over four output rows so each row of the
 * right-hand matrix is loaded once per four uses, and skipping all-zero input blocks (pixel data is
 * about half zeros).
 */
final class Kernels {
  private Kernels() {}

  /** {@code c (m x n) = a (m x k) * b (k x n)}. */
  static void mult(double[] a, double[] b, double[] c, int m, int k, int n) {
    Arrays.fill(c, 0, m * n, 0.0);
    int r = 0;
    for (; r + 3 < m; r += 4) {
      int a0 = r * k;
      int a1 = a0 + k;
      int a2 = a1 + k;
      int a3 = a2 + k;
      int c0 = r * n;
      int c1 = c0 + n;
      int c2 = c1 + n;
      int c3 = c2 + n;
      for (int t = 0; t < k; t++) {
        double v0 = a[a0 + t];
        double v1 = a[a1 + t];
        double v2 = a[a2 + t];
        double v3 = a[a3 + t];
        if (v0 == 0 && v1 == 0 && v2 == 0 && v3 == 0) {
          continue;
        }
        int bRow = t * n;
        for (int j = 0; j < n; j++) {
          double bv = b[bRow + j];
          c[c0 + j] += v0 * bv;
          c[c1 + j] += v1 * bv;
          c[c2 + j] += v2 * bv;
          c[c3 + j] += v3 * bv;
        }
      }
    }
    for (; r < m; r++) {
      int aRow = r * k;
      int cRow = r * n;
      for (int t = 0; t < k; t++) {
        double v = a[aRow + t];
        if (v == 0) {
          continue;
        }
        int bRow = t * n;
        for (int j = 0; j < n; j++) {
          c[cRow + j] += v * b[bRow + j];
        }
      }
    }
  }

  /** {@code c (k x n) = a^T b} for {@code a (m x k)}, {@code b (m x n)}. */
  static void multTransA(double[] a, double[] b, double[] c, int m, int k, int n) {
    Arrays.fill(c, 0, k * n, 0.0);
    int t = 0;
    for (; t + 3 < k; t += 4) {
      int c0 = t * n;
      int c1 = c0 + n;
      int c2 = c1 + n;
      int c3 = c2 + n;
      for (int r = 0; r < m; r++) {
        int aRow = r * k + t;
        double v0 = a[aRow];
        double v1 = a[aRow + 1];
        double v2 = a[aRow + 2];
        double v3 = a[aRow + 3];
        if (v0 == 0 && v1 == 0 && v2 == 0 && v3 == 0) {
          continue;
        }
        int bRow = r * n;
        for (int j = 0; j < n; j++) {
          double bv = b[bRow + j];
          c[c0 + j] += v0 * bv;
          c[c1 + j] += v1 * bv;
          c[c2 + j] += v2 * bv;
          c[c3 + j] += v3 * bv;
        }
      }
    }
    for (; t < k; t++) {
      int cRow = t * n;
      for (int r = 0; r < m; r++) {
        double v = a[r * k + t];
        if (v == 0) {
          continue;
        }
        int bRow = r * n;
        for (int j = 0; j < n; j++) {
          c[cRow + j] += v * b[bRow + j];
        }
      }
    }
  }

  /** {@code c (m x k) = a b^T} for {@code a (m x n)}, {@code b (k x n)}. */
  static void multTransB(double[] a, double[] b, double[] c, int m, int k, int n) {
    for (int r = 0; r < m; r++) {
      int aRow = r * n;
      int cRow = r * k;
      for (int t = 0; t < k; t++) {
        int bRow = t * n;
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += a[aRow + j] * b[bRow + j];
        }
        c[cRow + t] = s;
      }
    }
  }
}
