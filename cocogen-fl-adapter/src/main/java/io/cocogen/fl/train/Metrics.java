package io.cocogen.fl.train;

import io.cocogen.fl.data.Dataset;

/**
 * Classification metrics. Accuracy on a label distribution is the class-weighted accuracy
 * {@code sum_k p_k acc_k}: the expected accuracy on a test set resampled to that label mix, computed
 * from one pass over the balanced test set and without resampling noise.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Results of one pass over a data set.
   *
   * @param accuracy fraction of rows predicted correctly (NaN when empty)
   * @param crossEntropy mean negative log-probability of the true class (NaN when empty)
   * @param perClassAccuracy accuracy among the rows of each class (NaN for a class without rows)
   * @param perClassCount rows of each class
   */
  public record Evaluation(double accuracy, double crossEntropy, double[] perClassAccuracy, int[] perClassCount) {
    /** Class-weighted accuracy {@code sum_k p_k acc_k} for the label distribution {@code p}. */
    public double accuracyOn(double[] classDistribution) {
      return accuracyOnDistribution(perClassAccuracy, classDistribution);
    }
  }

  /** Accuracy, cross-entropy and per-class accuracy of {@code model} on {@code data} in one pass. */
  public static Evaluation evaluate(Model model, Dataset data) {
    int k = model.numClasses();
    int n = data.size();
    int[] correct = new int[k];
    int[] count = new int[k];
    double lossSum = 0;
    int totalCorrect = 0;
    int chunk = DenseModel.EVAL_CHUNK;
    double[] buf = new double[Math.min(chunk, Math.max(1, n)) * k];
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      model.logProbabilities(data, from, to, buf);
      for (int r = 0; r < to - from; r++) {
        int y = data.label(from + r);
        count[y]++;
        lossSum -= buf[r * k + y];
        if (DenseModel.argMax(buf, r * k, k) == y) {
          correct[y]++;
          totalCorrect++;
        }
      }
    }
    double[] perClass = new double[k];
    for (int c = 0; c < k; c++) {
      perClass[c] = count[c] == 0 ? Double.NaN : (double) correct[c] / count[c];
    }
    double acc = n == 0 ? Double.NaN : (double) totalCorrect / n;
    double ce = n == 0 ? Double.NaN : lossSum / n;
    return new Evaluation(acc, ce, perClass, count);
  }

  /** Fraction of rows of {@code data} that {@code model} classifies correctly. */
  public static double accuracy(Model model, Dataset data) {
    return evaluate(model, data).accuracy();
  }

  /** Mean cross-entropy of {@code model} on {@code data}. */
  public static double crossEntropy(Model model, Dataset data) {
    return model.loss(data);
  }

  /** Fraction of equal entries of two label arrays of equal length. */
  public static double accuracy(int[] predicted, int[] actual) {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException("predicted.length = " + predicted.length + ": must equal actual.length = " + actual.length);
    }
    if (actual.length == 0) {
      return Double.NaN;
    }
    int c = 0;
    for (int i = 0; i < actual.length; i++) {
      if (predicted[i] == actual[i]) {
        c++;
      }
    }
    return (double) c / actual.length;
  }

  /**
   * Class-weighted accuracy {@code sum_k p_k acc_k / sum_k p_k}. A class with positive weight must have
   * a finite per-class accuracy, i.e. rows in the test set.
   */
  public static double accuracyOnDistribution(double[] perClassAccuracy, double[] classDistribution) {
    if (classDistribution == null || classDistribution.length != perClassAccuracy.length) {
      throw new IllegalArgumentException("classDistribution: length must be " + perClassAccuracy.length);
    }
    double total = 0;
    double acc = 0;
    for (int c = 0; c < classDistribution.length; c++) {
      double p = classDistribution[c];
      if (!(p >= 0) || !Double.isFinite(p)) {
        throw new IllegalArgumentException("classDistribution[" + c + "] = " + p + ": must be finite and >= 0");
      }
      if (p > 0) {
        if (Double.isNaN(perClassAccuracy[c])) {
          throw new IllegalArgumentException("classDistribution[" + c + "] = " + p + ": class " + c + " has no test rows");
        }
        acc += p * perClassAccuracy[c];
        total += p;
      }
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("classDistribution: must have a positive entry");
    }
    return acc / total;
  }

  /** Class-weighted accuracy of {@code model} on {@code test} for the label distribution {@code p}. */
  public static double accuracyOnDistribution(Model model, Dataset test, double[] classDistribution) {
    return evaluate(model, test).accuracyOn(classDistribution);
  }
}
