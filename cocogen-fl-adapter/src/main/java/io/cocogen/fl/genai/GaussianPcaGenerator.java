package io.cocogen.fl.genai;

import io.cocogen.fl.data.Dataset;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Stand-in for a generative model: a class-conditional Gaussian in a PCA subspace, fitted on "public"
 * data. Fitting centres the data (no per-feature scaling, which would blow up the noise of nearly
 * constant border pixels), keeps the top {@code components} principal directions, and fits per class a
 * mean and a covariance of the PCA scores, shrunk towards its diagonal:
 * {@code (1 - shrinkage) S + shrinkage diag(S)} plus a tiny ridge so it stays positive definite.
 * Generation draws scores from the class Gaussian, maps them back to feature space and clips to
 * {@code [0, 1]}. Cheap, deterministic under a seeded generator, and clearly class-conditional, which is
 * all the federated experiments need from a "GenAI" source of synthetic data.
 */
public final class GaussianPcaGenerator {
  /** Covariance model per class in PCA space. */
  public enum Covariance {
    /** Full covariance, shrunk towards its diagonal. */
    FULL,
    /** Diagonal covariance only (equivalent to shrinkage 1). */
    DIAGONAL
  }

  /** Default shrinkage towards the diagonal. */
  public static final double DEFAULT_SHRINKAGE = 0.1;
  /** Ridge added to every class variance, relative to the mean retained PCA variance. */
  private static final double RIDGE = 1e-6;

  private final int featureDim;
  private final int numClasses;
  private final int components;
  private final double[] mean;
  /** Principal directions as rows, {@code components x featureDim}. */
  private final double[] basis;
  /** Per class: score mean ({@code components}), or null for a class absent from the public data. */
  private final double[][] classMean;
  /** Per class: lower Cholesky factor of the shrunk score covariance, row-major. */
  private final double[][] classChol;
  private final double[] explainedVariance;

  private GaussianPcaGenerator(int featureDim, int numClasses, int components, double[] mean, double[] basis, double[][] classMean,
      double[][] classChol, double[] explainedVariance) {
    this.featureDim = featureDim;
    this.numClasses = numClasses;
    this.components = components;
    this.mean = mean;
    this.basis = basis;
    this.classMean = classMean;
    this.classChol = classChol;
    this.explainedVariance = explainedVariance;
  }

  /**
   * A default number of components: 20 for small inputs such as 8 x 8 digits, 50 for larger ones such
   * as 28 x 28 Fashion-MNIST; never more than the feature dimension.
   */
  public static int defaultComponents(int featureDim) {
    return Math.min(featureDim, featureDim <= 100 ? 20 : 50);
  }

  /** Fits with {@link #defaultComponents(int)}, {@link #DEFAULT_SHRINKAGE} and full covariance. */
  public static GaussianPcaGenerator fit(Dataset publicData) {
    return fit(publicData, defaultComponents(publicData.featureDim()), DEFAULT_SHRINKAGE, Covariance.FULL);
  }

  /**
   * Fits the generator.
   *
   * @param publicData data to imitate; at least 2 rows
   * @param components PCA dimension, in {@code [1, featureDim]}
   * @param shrinkage weight of the diagonal target in {@code [0, 1]} (ignored for {@link Covariance#DIAGONAL})
   * @param covariance full or diagonal class covariance
   */
  public static GaussianPcaGenerator fit(Dataset publicData, int components, double shrinkage, Covariance covariance) {
    if (publicData == null) {
      throw new IllegalArgumentException("publicData: is required");
    }
    int n = publicData.size();
    int p = publicData.featureDim();
    int numClasses = publicData.numClasses();
    if (n < 2) {
      throw new IllegalArgumentException("publicData.size = " + n + ": must be >= 2");
    }
    if (components < 1 || components > p) {
      throw new IllegalArgumentException("components = " + components + ": must be in [1, " + p + "]");
    }
    if (!(shrinkage >= 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage = " + shrinkage + ": must be in [0, 1]");
    }
    if (covariance == null) {
      throw new IllegalArgumentException("covariance: is required");
    }
    double lambda = covariance == Covariance.DIAGONAL ? 1.0 : shrinkage;
    int k = components;

    double[] mean = new double[p];
    DMatrixRMaj cov = covariance(publicData, mean);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigen decomposition of the " + p + " x " + p + " covariance failed");
    }
    Integer[] order = new Integer[p];
    double[] values = new double[p];
    for (int i = 0; i < p; i++) {
      order[i] = i;
      values[i] = eig.getEigenvalue(i).real;
    }
    // Descending eigenvalue, ties by index, so the basis does not depend on the solver's output order.
    Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
    DMatrixRMaj basis = new DMatrixRMaj(k, p);
    double[] explained = new double[k];
    for (int c = 0; c < k; c++) {
      DMatrixRMaj v = eig.getEigenVector(order[c]);
      explained[c] = Math.max(0, values[order[c]]);
      // Fix the sign (largest-magnitude entry positive) for reproducible scores.
      int big = 0;
      double norm = 0;
      for (int j = 0; j < p; j++) {
        norm += v.data[j] * v.data[j];
        if (Math.abs(v.data[j]) > Math.abs(v.data[big])) {
          big = j;
        }
      }
      double s = (v.data[big] < 0 ? -1 : 1) / Math.sqrt(norm);
      for (int j = 0; j < p; j++) {
        basis.data[c * p + j] = s * v.data[j];
      }
    }

    // Scores z = (x - mean) basis^T, then per-class Gaussians.
    DMatrixRMaj scores = new DMatrixRMaj(n, k);
    double[] row = new double[p];
    for (int i = 0; i < n; i++) {
      publicData.copyRow(i, row, 0);
      for (int j = 0; j < p; j++) {
        row[j] -= mean[j];
      }
      for (int c = 0; c < k; c++) {
        double s = 0;
        int off = c * p;
        for (int j = 0; j < p; j++) {
          s += row[j] * basis.data[off + j];
        }
        scores.data[i * k + c] = s;
      }
    }
    double meanVar = 0;
    for (double e : explained) {
      meanVar += e;
    }
    meanVar = Math.max(meanVar / k, 1e-12);
    double ridge = RIDGE * meanVar;

    int[] hist = publicData.labelHistogram();
    double[][] classMean = new double[numClasses][];
    double[][] classCov = new double[numClasses][];
    double[] pooled = new double[k * k];
    int pooledDof = 0;
    for (int cl = 0; cl < numClasses; cl++) {
      if (hist[cl] == 0) {
        continue;
      }
      double[] mu = new double[k];
      for (int i = 0; i < n; i++) {
        if (publicData.label(i) == cl) {
          for (int a = 0; a < k; a++) {
            mu[a] += scores.data[i * k + a];
          }
        }
      }
      for (int a = 0; a < k; a++) {
        mu[a] /= hist[cl];
      }
      double[] s = new double[k * k];
      double[] d = new double[k];
      for (int i = 0; i < n; i++) {
        if (publicData.label(i) != cl) {
          continue;
        }
        for (int a = 0; a < k; a++) {
          d[a] = scores.data[i * k + a] - mu[a];
        }
        for (int a = 0; a < k; a++) {
          for (int b = 0; b <= a; b++) {
            s[a * k + b] += d[a] * d[b];
          }
        }
      }
      for (int a = 0; a < k * k; a++) {
        pooled[a] += s[a];
      }
      pooledDof += hist[cl] - 1;
      classMean[cl] = mu;
      if (hist[cl] >= 2) {
        for (int a = 0; a < k * k; a++) {
          s[a] /= hist[cl] - 1;
        }
        classCov[cl] = s;
      }
    }
    if (pooledDof > 0) {
      for (int a = 0; a < k * k; a++) {
        pooled[a] /= pooledDof;
      }
    }
    double[][] classChol = new double[numClasses][];
    for (int cl = 0; cl < numClasses; cl++) {
      if (classMean[cl] == null) {
        continue;
      }
      // A class seen once has no covariance of its own: borrow the pooled within-class one.
      double[] s = classCov[cl] != null ? classCov[cl] : pooled;
      DMatrixRMaj shrunk = new DMatrixRMaj(k, k);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b <= a; b++) {
          double v = a == b ? s[a * k + a] + ridge : (1 - lambda) * s[a * k + b];
          shrunk.data[a * k + b] = v;
          shrunk.data[b * k + a] = v;
        }
      }
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
      if (!chol.decompose(shrunk)) {
        throw new IllegalStateException("class " + cl + ": shrunk covariance is not positive definite");
      }
      DMatrixRMaj l = chol.getT(null);
      double[] lower = new double[k * k];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b <= a; b++) {
          lower[a * k + b] = l.get(a, b);
        }
      }
      classChol[cl] = lower;
    }
    return new GaussianPcaGenerator(p, numClasses, k, mean, basis.data, classMean, classChol, explained);
  }

  /**
   * Sample covariance of the rows of {@code data}; fills {@code mean}. Accumulates the raw scatter
   * {@code X^T X} in blocks of rows (so a block stays in cache) over the upper triangle, skipping zero
   * inputs (pixel data is sparse before centring), then subtracts {@code n mean mean^T}.
   */
  static DMatrixRMaj covariance(Dataset data, double[] mean) {
    int n = data.size();
    int p = data.featureDim();
    double[] c = new double[p * p];
    int block = 128;
    double[] x = new double[block * p];
    java.util.Arrays.fill(mean, 0);
    for (int start = 0; start < n; start += block) {
      int rows = Math.min(block, n - start);
      for (int r = 0; r < rows; r++) {
        data.copyRow(start + r, x, r * p);
        for (int j = 0; j < p; j++) {
          mean[j] += x[r * p + j];
        }
      }
      int t = 0;
      for (; t + 3 < p; t += 4) {
        int c0 = t * p;
        int c1 = c0 + p;
        int c2 = c1 + p;
        int c3 = c2 + p;
        for (int r = 0; r < rows; r++) {
          int base = r * p;
          double v0 = x[base + t];
          double v1 = x[base + t + 1];
          double v2 = x[base + t + 2];
          double v3 = x[base + t + 3];
          if (v0 == 0 && v1 == 0 && v2 == 0 && v3 == 0) {
            continue;
          }
          for (int j = t; j < p; j++) {
            double xv = x[base + j];
            c[c0 + j] += v0 * xv;
            c[c1 + j] += v1 * xv;
            c[c2 + j] += v2 * xv;
            c[c3 + j] += v3 * xv;
          }
        }
      }
      for (; t < p; t++) {
        for (int r = 0; r < rows; r++) {
          double v = x[r * p + t];
          if (v == 0) {
            continue;
          }
          for (int j = t; j < p; j++) {
            c[t * p + j] += v * x[r * p + j];
          }
        }
      }
    }
    for (int j = 0; j < p; j++) {
      mean[j] /= n;
    }
    DMatrixRMaj cov = new DMatrixRMaj(p, p);
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        double v = (c[a * p + b] - n * mean[a] * mean[b]) / (n - 1);
        cov.data[a * p + b] = v;
        cov.data[b * p + a] = v;
      }
    }
    return cov;
  }

  /** Features per generated row. */
  public int featureDim() {
    return featureDim;
  }

  /** Number of classes. */
  public int numClasses() {
    return numClasses;
  }

  /** PCA dimension. */
  public int components() {
    return components;
  }

  /** Whether the public data had rows of class {@code c}, so that the class can be generated. */
  public boolean canGenerate(int c) {
    return c >= 0 && c < numClasses && classMean[c] != null;
  }

  /** Variance of the public data along each retained principal direction, descending. */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /**
   * Generates {@code perClassCounts[c]} rows of each class {@code c}, class by class, features clipped to
   * {@code [0, 1]}.
   */
  public Dataset generate(int[] perClassCounts, RandomGenerator rng) {
    if (perClassCounts == null || perClassCounts.length != numClasses) {
      throw new IllegalArgumentException("perClassCounts: length must be numClasses = " + numClasses);
    }
    if (rng == null) {
      throw new IllegalArgumentException("rng: is required");
    }
    long total = 0;
    for (int c = 0; c < numClasses; c++) {
      if (perClassCounts[c] < 0) {
        throw new IllegalArgumentException("perClassCounts[" + c + "] = " + perClassCounts[c] + ": must be >= 0");
      }
      if (perClassCounts[c] > 0 && classMean[c] == null) {
        throw new IllegalArgumentException("perClassCounts[" + c + "] = " + perClassCounts[c] + ": class " + c
            + " had no rows in the public data");
      }
      total += perClassCounts[c];
    }
    if (total * featureDim > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("perClassCounts: " + total + " rows of " + featureDim + " features are too many");
    }
    int n = (int) total;
    int k = components;
    double[] features = new double[n * featureDim];
    int[] labels = new int[n];
    double[] eps = new double[k];
    double[] z = new double[k];
    int row = 0;
    for (int c = 0; c < numClasses; c++) {
      double[] mu = classMean[c];
      double[] l = classChol[c];
      for (int s = 0; s < perClassCounts[c]; s++) {
        for (int a = 0; a < k; a++) {
          eps[a] = rng.nextGaussian();
        }
        for (int a = 0; a < k; a++) {
          double v = mu[a];
          for (int b = 0; b <= a; b++) {
            v += l[a * k + b] * eps[b];
          }
          z[a] = v;
        }
        int base = row * featureDim;
        System.arraycopy(mean, 0, features, base, featureDim);
        for (int a = 0; a < k; a++) {
          double za = z[a];
          int off = a * featureDim;
          for (int j = 0; j < featureDim; j++) {
            features[base + j] += za * basis[off + j];
          }
        }
        for (int j = 0; j < featureDim; j++) {
          double v = features[base + j];
          features[base + j] = v < 0 ? 0 : (v > 1 ? 1 : v);
        }
        labels[row] = c;
        row++;
      }
    }
    return Dataset.of(features, labels, featureDim, numClasses);
  }

  /**
   * Generates {@code count} rows whose class counts follow {@code classDistribution} by largest-remainder
   * rounding (exact proportions, no multinomial noise); classes absent from the public data must have
   * weight 0.
   */
  public Dataset generate(int count, double[] classDistribution, RandomGenerator rng) {
    return generate(countsFor(count, classDistribution), rng);
  }

  /** Per-class counts summing to {@code count} in proportion to {@code classDistribution}. */
  public static int[] countsFor(int count, double[] classDistribution) {
    if (count < 0) {
      throw new IllegalArgumentException("count = " + count + ": must be >= 0");
    }
    if (classDistribution == null || classDistribution.length == 0) {
      throw new IllegalArgumentException("classDistribution: is required");
    }
    double total = 0;
    for (int c = 0; c < classDistribution.length; c++) {
      double p = classDistribution[c];
      if (!(p >= 0) || !Double.isFinite(p)) {
        throw new IllegalArgumentException("classDistribution[" + c + "] = " + p + ": must be finite and >= 0");
      }
      total += p;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("classDistribution: must have a positive entry");
    }
    int m = classDistribution.length;
    int[] counts = new int[m];
    double[] rem = new double[m];
    int assigned = 0;
    for (int c = 0; c < m; c++) {
      double exact = classDistribution[c] / total * count;
      counts[c] = (int) Math.floor(exact);
      rem[c] = exact - counts[c];
      assigned += counts[c];
    }
    while (assigned < count) {
      int best = -1;
      for (int c = 0; c < m; c++) {
        if (classDistribution[c] > 0 && (best < 0 || rem[c] > rem[best])) {
          best = c;
        }
      }
      counts[best]++;
      rem[best] = -1;
      assigned++;
    }
    return counts;
  }
}
