package io.cocogen.fl.train;

import io.cocogen.fl.data.Dataset;

/**
 * What one organization trains on in a round: its own real data plus the synthetic data it generated
 * for that round (empty when it generated none). The id, not the position in a list, seeds the
 * client's shuffling, so results do not depend on the order or the subset of participants.
 *
 * @param id stable organization id, at least 0
 * @param real the organization's own data
 * @param synthetic generated data of the same shape; may be empty
 */
public record ClientData(int id, Dataset real, Dataset synthetic) {
  /** Validates ids and shapes. */
  public ClientData {
    if (id < 0) {
      throw new IllegalArgumentException("id = " + id + ": must be >= 0");
    }
    if (real == null) {
      throw new IllegalArgumentException("real: is required (client " + id + ")");
    }
    if (synthetic == null) {
      throw new IllegalArgumentException("synthetic: is required, use Dataset.empty (client " + id + ")");
    }
    if (synthetic.featureDim() != real.featureDim() || synthetic.numClasses() != real.numClasses()) {
      throw new IllegalArgumentException("synthetic: shape (featureDim " + synthetic.featureDim() + ", numClasses "
          + synthetic.numClasses() + ") differs from real (" + real.featureDim() + ", " + real.numClasses() + ") of client " + id);
    }
  }

  /** A client without synthetic data. */
  public static ClientData realOnly(int id, Dataset real) {
    return new ClientData(id, real, Dataset.empty(real.featureDim(), real.numClasses()));
  }

  /** The same client with other synthetic data. */
  public ClientData withSynthetic(Dataset newSynthetic) {
    return new ClientData(id, real, newSynthetic);
  }

  /** Rows trained on: real plus synthetic. */
  public int sampleCount() {
    return real.size() + synthetic.size();
  }

  /** Real and synthetic rows as one data set. */
  public Dataset trainingData() {
    return synthetic.size() == 0 ? real : Dataset.concat(real, synthetic);
  }

  /**
   * Label distribution of the real data: the mix the organization's own users see, used to score the
   * global model for this client.
   */
  public double[] evaluationDistribution() {
    return real.labelDistribution();
  }
}
