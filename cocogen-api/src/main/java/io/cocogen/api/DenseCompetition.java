package io.cocogen.api;

/** Dense n×n γ, row-major. For small federations or fully general competition. */
final class DenseCompetition implements CompetitionStructure {
  private final int n;
  private final double[] g;

  private DenseCompetition(int n, double[] g) {
    this.n = n;
    this.g = g;
  }

  static DenseCompetition of(double[][] gamma) {
    int n = gamma.length;
    if (n < 1) {
      throw new InvalidModelException("competition.dense", "the matrix is empty");
    }
    double[] g = new double[n * n];
    for (int i = 0; i < n; i++) {
      if (gamma[i] == null || gamma[i].length != n) {
        throw new InvalidModelException("competition.dense[" + i + "]", gamma[i] == null ? 0 : gamma[i].length,
            "row length must equal the number of rows (" + n + "): the matrix must be square");
      }
      for (int j = 0; j < n; j++) {
        String f = "competition.dense[" + i + "][" + j + "]";
        Checks.nonNegative(f, gamma[i][j]);
        if (i == j && gamma[i][j] != 0) {
          throw new InvalidModelException(f, gamma[i][j], "the diagonal must be 0");
        }
        g[i * n + j] = gamma[i][j];
      }
    }
    return new DenseCompetition(n, g);
  }

  @Override public int size() { return n; }

  @Override public double gamma(int i, int j) { return g[i * n + j]; }

  @Override
  public void multiply(double[] x, double[] y) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        s += g[row + j] * x[j];
      }
      y[i] = s;
    }
  }

  @Override
  public void multiplyTranspose(double[] x, double[] y) {
    java.util.Arrays.fill(y, 0, n, 0.0);
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      int row = i * n;
      for (int j = 0; j < n; j++) {
        y[j] += g[row + j] * xi;
      }
    }
  }

  @Override public long nonZeros() { return (long) n * (n - 1); }

  @Override
  public CompetitionStructure restrictTo(int[] members) {
    int m = members.length;
    double[] sub = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        sub[a * m + b] = g[members[a] * n + members[b]];
      }
    }
    return new DenseCompetition(m, sub);
  }

  @Override
  public CompetitionStructure scaled(double factor) {
    Checks.nonNegative("factor", factor);
    double[] s = g.clone();
    for (int p = 0; p < s.length; p++) {
      s[p] *= factor;
    }
    return new DenseCompetition(n, s);
  }

  /** A copy as a 2-D array. */
  double[][] toArray() {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(g, i * n, a[i], 0, n);
    }
    return a;
  }

  @Override public String toString() { return "DenseCompetition[n=" + n + "]"; }
}
