package io.cocogen.fl.train;

import io.cocogen.fl.data.Dataset;

/**
 * A differentiable classifier with its parameters as one flat vector, which is what federated averaging
 * needs. Implementations keep per-batch work buffers, so one instance must not be used by two threads
 * at once; {@link #copy()} gives each worker its own.
 */
public interface Model {
  /** Length of the parameter vector. */
  int numParameters();

  /** A copy of the parameters. */
  double[] parameters();

  /** Replaces the parameters with a copy of {@code parameters} (length {@link #numParameters()}). */
  void setParameters(double[] parameters);

  /** Features per input row. */
  int featureDim();

  /** Number of output classes. */
  int numClasses();

  /** An independent model with the same architecture and parameters. */
  Model copy();

  /**
   * Log class probabilities (log-softmax) of rows {@code [from, to)} of {@code data}, written row-major
   * to {@code out[0 .. (to - from) * numClasses)}.
   */
  void logProbabilities(Dataset data, int from, int to, double[] out);

  /**
   * Mean cross-entropy of the rows {@code data[indices[from .. to)]} and its gradient with respect to
   * the parameters (same layout as {@link #parameters()}), written to {@code gradient}.
   *
   * @return the mean cross-entropy of the batch at the current parameters
   */
  double lossAndGradient(Dataset data, int[] indices, int from, int to, double[] gradient);

  /**
   * One step of mini-batch SGD on the rows {@code data[indices[from .. to)]}: mean cross-entropy plus an
   * L2 penalty {@code weightDecay / 2 * |W|^2} on weight matrices (biases are not decayed).
   *
   * @return the mean cross-entropy of the batch before the step
   */
  double sgdStep(Dataset data, int[] indices, int from, int to, double learningRate, double weightDecay);

  /** Predicted class of every row of {@code data}. */
  default int[] predict(Dataset data) {
    int k = numClasses();
    int[] pred = new int[data.size()];
    double[] buf = new double[Math.min(DenseModel.EVAL_CHUNK, Math.max(1, data.size())) * k];
    for (int from = 0; from < data.size(); from += DenseModel.EVAL_CHUNK) {
      int to = Math.min(data.size(), from + DenseModel.EVAL_CHUNK);
      logProbabilities(data, from, to, buf);
      for (int r = 0; r < to - from; r++) {
        pred[from + r] = DenseModel.argMax(buf, r * k, k);
      }
    }
    return pred;
  }

  /** Mean cross-entropy on {@code data} (NaN when it is empty). */
  default double loss(Dataset data) {
    int k = numClasses();
    double[] buf = new double[Math.min(DenseModel.EVAL_CHUNK, Math.max(1, data.size())) * k];
    double sum = 0;
    for (int from = 0; from < data.size(); from += DenseModel.EVAL_CHUNK) {
      int to = Math.min(data.size(), from + DenseModel.EVAL_CHUNK);
      logProbabilities(data, from, to, buf);
      for (int r = 0; r < to - from; r++) {
        sum -= buf[r * k + data.label(from + r)];
      }
    }
    return data.size() == 0 ? Double.NaN : sum / data.size();
  }
}
