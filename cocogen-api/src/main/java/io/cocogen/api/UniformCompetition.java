package io.cocogen.api;

/** Every ordered pair of distinct organizations has the same {@code γ}. */
final class UniformCompetition implements CompetitionStructure {
  private final int n;
  private final double pair;

  UniformCompetition(int n, double pair) {
    if (n < 1) {
      throw new InvalidModelException("organizations", n, "the federation is empty");
    }
    this.n = n;
    this.pair = Checks.nonNegative("competition.uniform", pair);
  }

  @Override public int size() { return n; }

  @Override public double gamma(int i, int j) { return i == j ? 0.0 : pair; }

  @Override
  public void multiply(double[] x, double[] y) {
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += x[j];
    }
    for (int i = 0; i < n; i++) {
      y[i] = pair * (sum - x[i]);
    }
  }

  @Override
  public void multiplyTranspose(double[] x, double[] y) {
    multiply(x, y);
  }

  @Override public long nonZeros() { return pair == 0 ? 0 : (long) n * (n - 1); }

  @Override
  public CompetitionStructure restrictTo(int[] members) {
    return new UniformCompetition(members.length, pair);
  }

  @Override
  public CompetitionStructure scaled(double factor) {
    return new UniformCompetition(n, pair * Checks.nonNegative("factor", factor));
  }

  @Override public String toString() { return "UniformCompetition[n=" + n + ", pairGamma=" + pair + "]"; }
}
