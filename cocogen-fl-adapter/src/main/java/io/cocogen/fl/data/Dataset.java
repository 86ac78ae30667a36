package io.cocogen.fl.data;

import java.util.Arrays;

/**
 * Immutable labelled data set: {@code size x featureDim} float features in one row-major array and one
 * integer label in {@code [0, numClasses)} per row. Floats halve the memory of Fashion-MNIST (60k x 784)
 * and are exact for 8-bit pixels; models widen rows to double when they copy a mini-batch.
 */
public final class Dataset {
  private final float[] features;
  private final int[] labels;
  private final int featureDim;
  private final int numClasses;

  private Dataset(float[] features, int[] labels, int featureDim, int numClasses) {
    this.features = features;
    this.labels = labels;
    this.featureDim = featureDim;
    this.numClasses = numClasses;
  }

  /**
   * Creates a data set from copies of the arrays.
   *
   * @param features row-major features, {@code labels.length * featureDim} finite values
   * @param labels class of each row, each in {@code [0, numClasses)}
   * @param featureDim number of features per row, at least 1
   * @param numClasses number of classes, at least 1
   */
  public static Dataset of(float[] features, int[] labels, int featureDim, int numClasses) {
    if (features == null) {
      throw new IllegalArgumentException("features: is required");
    }
    if (labels == null) {
      throw new IllegalArgumentException("labels: is required");
    }
    return owning(features.clone(), labels.clone(), featureDim, numClasses);
  }

  /** Like {@link #of(float[], int[], int, int)} but from double features (narrowed to float). */
  public static Dataset of(double[] features, int[] labels, int featureDim, int numClasses) {
    if (features == null) {
      throw new IllegalArgumentException("features: is required");
    }
    if (labels == null) {
      throw new IllegalArgumentException("labels: is required");
    }
    float[] f = new float[features.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) features[i];
    }
    return owning(f, labels.clone(), featureDim, numClasses);
  }

  /** An empty data set of the given shape, e.g. "no synthetic data this round". */
  public static Dataset empty(int featureDim, int numClasses) {
    return owning(new float[0], new int[0], featureDim, numClasses);
  }

  /** Takes ownership of the arrays without copying; callers in this package never touch them again. */
  static Dataset owning(float[] features, int[] labels, int featureDim, int numClasses) {
    if (featureDim < 1) {
      throw new IllegalArgumentException("featureDim = " + featureDim + ": must be >= 1");
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses = " + numClasses + ": must be >= 1");
    }
    if ((long) labels.length * featureDim != features.length) {
      throw new IllegalArgumentException("features.length = " + features.length + ": must equal labels.length * featureDim = "
          + labels.length + " * " + featureDim);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + ": must be in [0, " + numClasses + ")");
      }
    }
    for (int i = 0; i < features.length; i++) {
      if (!Float.isFinite(features[i])) {
        throw new IllegalArgumentException("features[" + i + "] = " + features[i] + ": must be finite");
      }
    }
    return new Dataset(features, labels, featureDim, numClasses);
  }

  /** Concatenates data sets of equal shape, in order. */
  public static Dataset concat(Dataset... parts) {
    if (parts == null || parts.length == 0) {
      throw new IllegalArgumentException("parts: at least one data set is required");
    }
    int p = parts[0].featureDim;
    int k = parts[0].numClasses;
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].featureDim != p || parts[i].numClasses != k) {
        throw new IllegalArgumentException("parts[" + i + "]: shape (featureDim " + parts[i].featureDim + ", numClasses "
            + parts[i].numClasses + ") differs from parts[0] (" + p + ", " + k + ")");
      }
      n += parts[i].size();
    }
    float[] f = new float[n * p];
    int[] y = new int[n];
    int row = 0;
    for (Dataset d : parts) {
      System.arraycopy(d.features, 0, f, row * p, d.features.length);
      System.arraycopy(d.labels, 0, y, row, d.labels.length);
      row += d.size();
    }
    return new Dataset(f, y, p, k);
  }

  /** Number of rows. */
  public int size() {
    return labels.length;
  }

  /** Number of features per row. */
  public int featureDim() {
    return featureDim;
  }

  /** Number of classes; labels lie in {@code [0, numClasses)}. */
  public int numClasses() {
    return numClasses;
  }

  /** Label of row {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** Feature {@code j} of row {@code i}. */
  public float feature(int i, int j) {
    if (j < 0 || j >= featureDim) {
      throw new IndexOutOfBoundsException("feature index " + j + " outside [0, " + featureDim + ")");
    }
    return features[i * featureDim + j];
  }

  /** Copies row {@code i}, widened to double, into {@code dst[offset .. offset + featureDim)}. */
  public void copyRow(int i, double[] dst, int offset) {
    int base = i * featureDim;
    for (int j = 0; j < featureDim; j++) {
      dst[offset + j] = features[base + j];
    }
  }

  /** A copy of row {@code i}. */
  public float[] row(int i) {
    return Arrays.copyOfRange(features, i * featureDim, (i + 1) * featureDim);
  }

  /** A copy of all features, row-major. */
  public float[] features() {
    return features.clone();
  }

  /** A copy of all labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The rows at {@code indices}, in that order (repeats allowed). */
  public Dataset subset(int[] indices) {
    if (indices == null) {
      throw new IllegalArgumentException("indices: is required");
    }
    float[] f = new float[indices.length * featureDim];
    int[] y = new int[indices.length];
    for (int r = 0; r < indices.length; r++) {
      int i = indices[r];
      if (i < 0 || i >= labels.length) {
        throw new IllegalArgumentException("indices[" + r + "] = " + i + ": must be in [0, " + labels.length + ")");
      }
      System.arraycopy(features, i * featureDim, f, r * featureDim, featureDim);
      y[r] = labels[i];
    }
    return new Dataset(f, y, featureDim, numClasses);
  }

  /** Count of rows per class, length {@code numClasses}. */
  public int[] labelHistogram() {
    int[] h = new int[numClasses];
    for (int y : labels) {
      h[y]++;
    }
    return h;
  }

  /** Fraction of rows per class (all zeros for an empty data set). */
  public double[] labelDistribution() {
    int[] h = labelHistogram();
    double[] p = new double[numClasses];
    if (labels.length == 0) {
      return p;
    }
    for (int k = 0; k < numClasses; k++) {
      p[k] = (double) h[k] / labels.length;
    }
    return p;
  }

  @Override
  public String toString() {
    return "Dataset[size=" + size() + ", featureDim=" + featureDim + ", numClasses=" + numClasses + "]";
  }
}
