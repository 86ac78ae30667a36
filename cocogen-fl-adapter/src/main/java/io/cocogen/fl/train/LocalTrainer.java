package io.cocogen.fl.train;

import io.cocogen.fl.data.Dataset;
import java.util.random.RandomGenerator;

/**
 * Local training of one organization: {@code epochs} passes of mini-batch SGD over its data, reshuffled
 * every epoch from the given generator, with constant learning rate and optional L2 weight decay.
 *
 * @param epochs passes over the data, at least 1
 * @param batchSize rows per step, at least 1 (the last batch of an epoch may be smaller)
 * @param learningRate step size, finite and positive
 * @param weightDecay L2 coefficient on weight matrices, finite and at least 0
 */
public record LocalTrainer(int epochs, int batchSize, double learningRate, double weightDecay) {
  /** Validates the settings. */
  public LocalTrainer {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + ": must be >= 1");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize = " + batchSize + ": must be >= 1");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate = " + learningRate + ": must be finite and > 0");
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay = " + weightDecay + ": must be finite and >= 0");
    }
  }

  /** The same settings with another learning rate. */
  public LocalTrainer withLearningRate(double newLearningRate) {
    return new LocalTrainer(epochs, batchSize, newLearningRate, weightDecay);
  }

  /** The same settings with another number of epochs. */
  public LocalTrainer withEpochs(int newEpochs) {
    return new LocalTrainer(newEpochs, batchSize, learningRate, weightDecay);
  }

  /**
   * Trains {@code model} in place on {@code data}.
   *
   * @return mean mini-batch cross-entropy over the last epoch (weighted by batch size), or NaN when
   *     {@code data} is empty and nothing was done
   */
  public double train(Model model, Dataset data, RandomGenerator rng) {
    int n = data.size();
    if (n == 0) {
      return Double.NaN;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double lastEpochLoss = Double.NaN;
    for (int e = 0; e < epochs; e++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double sum = 0;
      for (int from = 0; from < n; from += batchSize) {
        int to = Math.min(n, from + batchSize);
        sum += model.sgdStep(data, order, from, to, learningRate, weightDecay) * (to - from);
      }
      lastEpochLoss = sum / n;
    }
    return lastEpochLoss;
  }
}
