package io.cocogen.fl.train;

import io.cocogen.fl.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * Shared batch machinery of the dense models: gathers a mini-batch into a matrix, turns logits into
 * log-softmax and cross-entropy, and forms the output error {@code (softmax - onehot) / batch}. Buffers
 * are reshaped, not reallocated, between batches of up to the largest size seen. Exponentials and
 * logarithms use {@link StrictMath} so that seeded training is bit-identical on every machine; there
 * are only {@code batch x numClasses} of them per step, so the cost is negligible.
 */
abstract class DenseModel implements Model {
  /** Rows per forward pass when evaluating a whole data set. */
  static final int EVAL_CHUNK = 512;

  final int featureDim;
  final int numClasses;
  /** Current batch inputs, {@code batch x featureDim}. */
  final DMatrixRMaj x = new DMatrixRMaj(1, 1);
  /** Logits, then log-probabilities or output error, {@code batch x numClasses}. */
  final DMatrixRMaj z = new DMatrixRMaj(1, 1);
  private int[] batchLabels = new int[0];

  DenseModel(int featureDim, int numClasses) {
    if (featureDim < 1) {
      throw new IllegalArgumentException("featureDim = " + featureDim + ": must be >= 1");
    }
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses = " + numClasses + ": must be >= 2");
    }
    this.featureDim = featureDim;
    this.numClasses = numClasses;
  }

  @Override
  public final int featureDim() {
    return featureDim;
  }

  @Override
  public final int numClasses() {
    return numClasses;
  }

  /** Logits of the batch in {@link #x} into {@link #z}; keeps what backward needs. */
  abstract void forward();

  /** Gradients of the parameters given the output error in {@link #z}. */
  abstract void backward();

  /** Parameter update from the gradients of the last {@link #backward()}. */
  abstract void applyGradient(double learningRate, double weightDecay);

  /** Flattened gradients of the last {@link #backward()}, in parameter order. */
  abstract void copyGradient(double[] out);

  @Override
  public void logProbabilities(Dataset data, int from, int to, double[] out) {
    checkData(data);
    if (from < 0 || to > data.size() || from > to) {
      throw new IllegalArgumentException("range [" + from + ", " + to + "): must lie within [0, " + data.size() + "]");
    }
    if (out.length < (to - from) * numClasses) {
      throw new IllegalArgumentException("out.length = " + out.length + ": must be >= " + (to - from) * numClasses);
    }
    int done = 0;
    for (int start = from; start < to; start += EVAL_CHUNK) {
      int end = Math.min(to, start + EVAL_CHUNK);
      int b = end - start;
      x.reshape(b, featureDim);
      for (int r = 0; r < b; r++) {
        data.copyRow(start + r, x.data, r * featureDim);
      }
      forward();
      logSoftmaxRows(z, b, null);
      System.arraycopy(z.data, 0, out, done * numClasses, b * numClasses);
      done += b;
    }
  }

  @Override
  public double lossAndGradient(Dataset data, int[] indices, int from, int to, double[] gradient) {
    if (gradient.length != numParameters()) {
      throw new IllegalArgumentException("gradient.length = " + gradient.length + ": must be " + numParameters());
    }
    double loss = forwardBackward(data, indices, from, to);
    copyGradient(gradient);
    return loss;
  }

  @Override
  public double sgdStep(Dataset data, int[] indices, int from, int to, double learningRate, double weightDecay) {
    double loss = forwardBackward(data, indices, from, to);
    applyGradient(learningRate, weightDecay);
    return loss;
  }

  private double forwardBackward(Dataset data, int[] indices, int from, int to) {
    checkData(data);
    int b = to - from;
    if (from < 0 || to > indices.length || b < 1) {
      throw new IllegalArgumentException("batch [" + from + ", " + to + "): must be non-empty and within [0, " + indices.length + "]");
    }
    x.reshape(b, featureDim);
    if (batchLabels.length < b) {
      batchLabels = new int[b];
    }
    for (int r = 0; r < b; r++) {
      int i = indices[from + r];
      data.copyRow(i, x.data, r * featureDim);
      batchLabels[r] = data.label(i);
    }
    forward();
    double loss = logSoftmaxRows(z, b, batchLabels);
    // Output error of mean cross-entropy: (softmax - onehot) / b.
    double[] zd = z.data;
    double inv = 1.0 / b;
    for (int r = 0; r < b; r++) {
      int base = r * numClasses;
      for (int k = 0; k < numClasses; k++) {
        zd[base + k] = StrictMath.exp(zd[base + k]) * inv;
      }
      zd[base + batchLabels[r]] -= inv;
    }
    backward();
    return loss * inv;
  }

  /**
   * Replaces the logits of the first {@code b} rows with log-softmax; returns the summed cross-entropy
   * against {@code labels}, or 0 when they are null.
   */
  private double logSoftmaxRows(DMatrixRMaj m, int b, int[] labels) {
    double[] d = m.data;
    double loss = 0;
    for (int r = 0; r < b; r++) {
      int base = r * numClasses;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < numClasses; k++) {
        max = Math.max(max, d[base + k]);
      }
      double s = 0;
      for (int k = 0; k < numClasses; k++) {
        s += StrictMath.exp(d[base + k] - max);
      }
      double lse = max + StrictMath.log(s);
      for (int k = 0; k < numClasses; k++) {
        d[base + k] -= lse;
      }
      if (labels != null) {
        loss -= d[base + labels[r]];
      }
    }
    return loss;
  }

  /** Adds {@code bias} to each of the rows of {@code m}. */
  static void addRowVector(DMatrixRMaj m, double[] bias) {
    double[] d = m.data;
    int cols = m.numCols;
    int rows = m.numRows;
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int j = 0; j < cols; j++) {
        d[base + j] += bias[j];
      }
    }
  }

  /** Column sums of {@code m} into {@code out}. */
  static void columnSums(DMatrixRMaj m, double[] out) {
    java.util.Arrays.fill(out, 0);
    double[] d = m.data;
    int cols = m.numCols;
    int rows = m.numRows;
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int j = 0; j < cols; j++) {
        out[j] += d[base + j];
      }
    }
  }

  /** {@code w -= lr * (g + wd * w)} over the first {@code n} entries. */
  static void sgdUpdate(double[] w, double[] g, int n, double lr, double wd) {
    if (wd == 0) {
      for (int i = 0; i < n; i++) {
        w[i] -= lr * g[i];
      }
    } else {
      double shrink = 1.0 - lr * wd;
      for (int i = 0; i < n; i++) {
        w[i] = shrink * w[i] - lr * g[i];
      }
    }
  }

  static int argMax(double[] a, int offset, int length) {
    int best = 0;
    for (int k = 1; k < length; k++) {
      if (a[offset + k] > a[offset + best]) {
        best = k;
      }
    }
    return best;
  }

  private void checkData(Dataset data) {
    if (data.featureDim() != featureDim || data.numClasses() != numClasses) {
      throw new IllegalArgumentException("data: shape (featureDim " + data.featureDim() + ", numClasses " + data.numClasses()
          + ") does not match the model (" + featureDim + ", " + numClasses + ")");
    }
  }

  static void checkLength(String field, double[] a, int expected) {
    if (a == null || a.length != expected) {
      throw new IllegalArgumentException(field + ".length = " + (a == null ? "null" : a.length) + ": must be " + expected);
    }
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i])) {
        throw new IllegalArgumentException(field + "[" + i + "] = " + a[i] + ": must be finite");
      }
    }
  }
}
