package io.cocogen.api;

import java.util.Arrays;

/** Compressed-sparse-row γ: products in O(nnz). */
final class SparseCompetition implements CompetitionStructure {
  private final int n;
  private final int[] rowStart;
  private final int[] col;
  private final double[] val;

  private SparseCompetition(int n, int[] rowStart, int[] col, double[] val) {
    this.n = n;
    this.rowStart = rowStart;
    this.col = col;
    this.val = val;
  }

  static SparseCompetition of(int n, int[] rows, int[] cols, double[] values) {
    if (n < 1) {
      throw new InvalidModelException("organizations", n, "the federation is empty");
    }
    if (rows.length != cols.length || rows.length != values.length) {
      throw new InvalidModelException("competition.sparse", rows.length,
          "rows, cols and values must have equal lengths (" + rows.length + ", " + cols.length + ", " + values.length + ")");
    }
    int nnz = rows.length;
    int[] count = new int[n + 1];
    for (int e = 0; e < nnz; e++) {
      String f = "competition.sparse[" + e + "]";
      if (rows[e] < 0 || rows[e] >= n) {
        throw new InvalidModelException(f + ".org", rows[e], "index out of range [0, " + n + ")");
      }
      if (cols[e] < 0 || cols[e] >= n) {
        throw new InvalidModelException(f + ".rival", cols[e], "index out of range [0, " + n + ")");
      }
      if (rows[e] == cols[e]) {
        throw new InvalidModelException(f + ".rival", cols[e], "an organization cannot compete with itself");
      }
      Checks.nonNegative(f + ".gamma", values[e]);
      count[rows[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      count[i + 1] += count[i];
    }
    int[] start = count.clone();
    int[] fill = Arrays.copyOf(count, n);
    int[] c = new int[nnz];
    double[] v = new double[nnz];
    for (int e = 0; e < nnz; e++) {
      int p = fill[rows[e]]++;
      c[p] = cols[e];
      v[p] = values[e];
    }
    // Sort each row by column to detect duplicate pairs.
    for (int i = 0; i < n; i++) {
      int lo = start[i];
      int hi = start[i + 1];
      for (int p = lo + 1; p < hi; p++) {
        int cc = c[p];
        double vv = v[p];
        int q = p - 1;
        while (q >= lo && c[q] > cc) {
          c[q + 1] = c[q];
          v[q + 1] = v[q];
          q--;
        }
        c[q + 1] = cc;
        v[q + 1] = vv;
      }
      for (int p = lo + 1; p < hi; p++) {
        if (c[p] == c[p - 1]) {
          throw new InvalidModelException("competition.sparse", "duplicate entry for the pair (" + i + ", " + c[p] + ")");
        }
      }
    }
    return new SparseCompetition(n, start, c, v);
  }

  @Override public int size() { return n; }

  @Override
  public double gamma(int i, int j) {
    int lo = rowStart[i];
    int hi = rowStart[i + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (col[mid] < j) {
        lo = mid + 1;
      } else if (col[mid] > j) {
        hi = mid - 1;
      } else {
        return val[mid];
      }
    }
    return 0.0;
  }

  @Override
  public void multiply(double[] x, double[] y) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        s += val[p] * x[col[p]];
      }
      y[i] = s;
    }
  }

  @Override
  public void multiplyTranspose(double[] x, double[] y) {
    Arrays.fill(y, 0, n, 0.0);
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        y[col[p]] += val[p] * xi;
      }
    }
  }

  @Override public long nonZeros() { return col.length; }

  @Override
  public CompetitionStructure restrictTo(int[] members) {
    int[] local = new int[n];
    Arrays.fill(local, -1);
    for (int t = 0; t < members.length; t++) {
      local[members[t]] = t;
    }
    int cnt = 0;
    for (int i : members) {
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        if (local[col[p]] >= 0) {
          cnt++;
        }
      }
    }
    int[] r = new int[cnt];
    int[] c = new int[cnt];
    double[] v = new double[cnt];
    int e = 0;
    for (int t = 0; t < members.length; t++) {
      int i = members[t];
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        if (local[col[p]] >= 0) {
          r[e] = t;
          c[e] = local[col[p]];
          v[e++] = val[p];
        }
      }
    }
    return of(members.length, r, c, v);
  }

  @Override
  public CompetitionStructure scaled(double factor) {
    Checks.nonNegative("factor", factor);
    double[] v = val.clone();
    for (int p = 0; p < v.length; p++) {
      v[p] *= factor;
    }
    return new SparseCompetition(n, rowStart, col, v);
  }

  @Override public String toString() { return "SparseCompetition[n=" + n + ", nnz=" + col.length + "]"; }
}
