package io.cocogen.fl.experiment;

import io.cocogen.api.InvalidModelException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the reference experiment runs (MODEL.md §12).
 *
 * @param dataset {@code "digits"} (embedded UCI 8x8 digits) or {@code "fashion-mnist"}
 * @param dataDir directory of the Fashion-MNIST IDX files, or null for {@code /usr/share/datasets/fashion-mnist}
 *     (ignored for digits)
 * @param organizations {@code n ≥ 2}
 * @param alphas Dirichlet concentrations {@code α_D > 0} of the label skew
 * @param gammaBars competition exposures {@code γ̄ ≥ 0} (uniform competition {@code γ_ij = γ̄/(n−1)})
 * @param seeds number of seeds, each a fresh split, partition, calibration and training
 * @param seed base seed
 * @param rounds FedAvg rounds per training run
 * @param localEpochs local epochs per round
 * @param model {@code "softmax"} or {@code "mlp"}
 * @param quick smaller data (Fashion-MNIST: 6000 training and 2000 test images instead of 10000 and 5000),
 *     one training thread, and no multi-round run
 */
public record ExperimentConfig(String dataset, Path dataDir, int organizations, double[] alphas, double[] gammaBars,
    int seeds, long seed, int rounds, int localEpochs, String model, boolean quick) {

  public ExperimentConfig {
    if (!"digits".equals(dataset) && !"fashion-mnist".equals(dataset)) {
      throw new InvalidModelException("dataset", dataset, "must be \"digits\" or \"fashion-mnist\"");
    }
    if (organizations < 2) {
      throw new InvalidModelException("organizations", organizations, "must be >= 2");
    }
    if (alphas == null || alphas.length == 0) {
      throw new InvalidModelException("alphas", "at least one Dirichlet concentration is required");
    }
    alphas = alphas.clone();
    for (double a : alphas) {
      if (!(a > 0) || !Double.isFinite(a)) {
        throw new InvalidModelException("alphas", alphas, "every alpha must be finite and > 0");
      }
    }
    if (gammaBars == null || gammaBars.length == 0) {
      throw new InvalidModelException("gammaBars", "at least one competition exposure is required");
    }
    gammaBars = gammaBars.clone();
    for (double g : gammaBars) {
      if (!(g >= 0) || !Double.isFinite(g)) {
        throw new InvalidModelException("gammaBars", gammaBars, "every gammaBar must be finite and >= 0");
      }
    }
    if (seeds < 1) {
      throw new InvalidModelException("seeds", seeds, "must be >= 1");
    }
    if (rounds < 1) {
      throw new InvalidModelException("rounds", rounds, "must be >= 1");
    }
    if (localEpochs < 1) {
      throw new InvalidModelException("localEpochs", localEpochs, "must be >= 1");
    }
    if (!"softmax".equals(model) && !"mlp".equals(model)) {
      throw new InvalidModelException("model", model, "must be \"softmax\" or \"mlp\"");
    }
  }

  /**
   * The defaults of MODEL.md §12: 5 organizations, {@code α_D ∈ {0.1, 0.5, 1, 100}},
   * {@code γ̄ ∈ {0, 0.2, 0.4, 0.6, 0.8}}, 3 seeds, 30 rounds of 2 local epochs, softmax regression. Quick:
   * {@code α_D ∈ {0.1, 100}}, {@code γ̄ ∈ {0, 0.6}}, 2 seeds, 20 rounds of 2 epochs (and a smaller
   * Fashion-MNIST subsample).
   */
  public static ExperimentConfig defaults(String dataset, boolean quick) {
    if (quick) {
      return new ExperimentConfig(dataset, null, 5, new double[] {0.1, 100}, new double[] {0, 0.6}, 2, 42L, 20, 2,
          "softmax", true);
    }
    return new ExperimentConfig(dataset, null, 5, new double[] {0.1, 0.5, 1, 100}, new double[] {0, 0.2, 0.4, 0.6, 0.8},
        3, 42L, 30, 2, "softmax", false);
  }

  @Override
  public double[] alphas() {
    return alphas.clone();
  }

  @Override
  public double[] gammaBars() {
    return gammaBars.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExperimentConfig c && dataset.equals(c.dataset) && java.util.Objects.equals(dataDir, c.dataDir)
        && organizations == c.organizations && Arrays.equals(alphas, c.alphas) && Arrays.equals(gammaBars, c.gammaBars)
        && seeds == c.seeds && seed == c.seed && rounds == c.rounds && localEpochs == c.localEpochs
        && model.equals(c.model) && quick == c.quick;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(dataset, dataDir, organizations, Arrays.hashCode(alphas), Arrays.hashCode(gammaBars),
        seeds, seed, rounds, localEpochs, model, quick);
  }

  @Override
  public String toString() {
    return "ExperimentConfig[dataset=" + dataset + ", dataDir=" + dataDir + ", organizations=" + organizations
        + ", alphas=" + Arrays.toString(alphas) + ", gammaBars=" + Arrays.toString(gammaBars) + ", seeds=" + seeds
        + ", seed=" + seed + ", rounds=" + rounds + ", localEpochs=" + localEpochs + ", model=" + model + ", quick="
        + quick + "]";
  }
}
