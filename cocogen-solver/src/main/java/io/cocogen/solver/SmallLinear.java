package io.cocogen.solver;

/** Dense solves of the tiny m×m systems of the aggregate Newton step. */
final class SmallLinear {
  private SmallLinear() {}

  /**
   * Solves {@code A x = b} in place by Gaussian elimination with partial pivoting; {@code a} is row-major
   * m×m and is destroyed, the solution replaces {@code b}. Returns false when singular.
   */
  static boolean solve(double[] a, double[] b, int m) {
    for (int c = 0; c < m; c++) {
      int p = c;
      double best = Math.abs(a[c * m + c]);
      for (int r = c + 1; r < m; r++) {
        double v = Math.abs(a[r * m + c]);
        if (v > best) {
          best = v;
          p = r;
        }
      }
      if (!(best > 1e-300)) {
        return false;
      }
      if (p != c) {
        for (int k = 0; k < m; k++) {
          double t = a[c * m + k];
          a[c * m + k] = a[p * m + k];
          a[p * m + k] = t;
        }
        double t = b[c];
        b[c] = b[p];
        b[p] = t;
      }
      double piv = a[c * m + c];
      for (int r = c + 1; r < m; r++) {
        double f = a[r * m + c] / piv;
        if (f != 0) {
          for (int k = c; k < m; k++) {
            a[r * m + k] -= f * a[c * m + k];
          }
          b[r] -= f * b[c];
        }
      }
    }
    for (int r = m - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < m; k++) {
        s -= a[r * m + k] * b[k];
      }
      b[r] = s / a[r * m + r];
      if (!Double.isFinite(b[r])) {
        return false;
      }
    }
    return true;
  }
}
