package io.cocogen.api;

/**
 * The competition intensities {@code γ_ij ≥ 0} ({@code γ_ii = 0}) between the organizations of a
 * round, indexed like the {@link Federation}. Structured kinds never materialise the n×n matrix:
 * products cost O(n) for uniform and segment competition and O(nnz) for sparse.
 */
public interface CompetitionStructure {

  /** Number of organizations. */
  int size();

  /** {@code γ_ij}: money {@code i} loses per unit of money-valued gain of {@code j}. */
  double gamma(int i, int j);

  /** {@code y_i = Σ_j γ_ij x_j}. {@code x} and {@code y} must be distinct arrays of length n. */
  void multiply(double[] x, double[] y);

  /** {@code y_j = Σ_i γ_ij x_i}. {@code x} and {@code y} must be distinct arrays of length n. */
  void multiplyTranspose(double[] x, double[] y);

  /** Number of structurally non-zero entries (n(n−1) for the structured kinds). */
  long nonZeros();

  /** Competition restricted to {@code members} (same γ values between members, none with outsiders). */
  CompetitionStructure restrictTo(int[] members);

  /** Every γ multiplied by {@code factor ≥ 0}. */
  CompetitionStructure scaled(double factor);

  /** Row sums {@code Γ_i = Σ_j γ_ij}. */
  default double[] rowSums() {
    double[] ones = new double[size()];
    java.util.Arrays.fill(ones, 1.0);
    double[] y = new double[size()];
    multiply(ones, y);
    return y;
  }

  /** Column sums {@code C_j = Σ_i γ_ij}. */
  default double[] columnSums() {
    double[] ones = new double[size()];
    java.util.Arrays.fill(ones, 1.0);
    double[] y = new double[size()];
    multiplyTranspose(ones, y);
    return y;
  }

  /** No competition among {@code n} organizations. */
  static CompetitionStructure none(int n) {
    return new UniformCompetition(n, 0.0);
  }

  /** {@code γ_ij = γ̄/(n−1)}: each organization's total exposure is {@code γ̄}. */
  static CompetitionStructure uniform(int n, double gammaBar) {
    Checks.nonNegative("competition.uniform", gammaBar);
    return new UniformCompetition(n, n > 1 ? gammaBar / (n - 1) : 0.0);
  }

  /**
   * Market segments: with {@code m_i} the size of i's segment, {@code γ_ij = within/(m_i − 1)} for
   * rivals in the same segment and {@code across/(n − m_i)} for the others.
   *
   * @param segmentOf segment index (0..k−1) of every organization
   */
  static CompetitionStructure segments(int[] segmentOf, double within, double across) {
    return SegmentCompetition.of(segmentOf, within, across);
  }

  /** Sparse γ from coordinate triples; pairs must be distinct and off the diagonal. */
  static CompetitionStructure sparse(int n, int[] rows, int[] cols, double[] values) {
    return SparseCompetition.of(n, rows, cols, values);
  }

  /** Dense γ (square, zero diagonal, entries ≥ 0). */
  static CompetitionStructure dense(double[][] gamma) {
    return DenseCompetition.of(gamma);
  }
}
