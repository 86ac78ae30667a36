package io.cocogen.fl.experiment;

/**
 * One measured training run: a strategy's generation decision at one {@code (α_D, γ̄, seed)}, trained by
 * FedAvg and measured. Arrays are per organization, in order {@code org0 .. org(n−1)}.
 *
 * @param strategy VCFL, RaDG, WCO, NE or CoCoGen+
 * @param alpha Dirichlet concentration
 * @param gammaBar competition exposure
 * @param seed the run's seed index
 * @param realSamples {@code d_i}
 * @param synthetic synthetic samples generated ({@code s_i}, integer)
 * @param totalSynthetic {@code Σ s_i}
 * @param testAccuracy the global FedAvg model's accuracy on the balanced test set
 * @param testLoss the global model's class-balanced cross-entropy on the test set
 * @param ownDistributionAccuracy the global model's accuracy on each organization's own label mix
 * @param loss each organization's measured loss: class-balanced test cross-entropy of the model it
 *     deploys (the global model fine-tuned for one epoch on its own real and synthetic data)
 * @param accuracy class-balanced test accuracy of that deployed model
 * @param predictedLoss the calibrated model's {@code L_i} at the played profile
 * @param measuredUtility {@code ρ_i (L_ref − loss_i) − c_i(s_i) − K_i} with measured gains
 * @param measuredWelfare {@code Σ measuredUtility}
 * @param predictedWelfare {@code SW(s)} of the calibrated model
 * @param transfers CoCoGen+ net transfers settled on the actual counts (zeros for other strategies)
 * @param payoffs {@code measuredUtility + transfers}
 * @param skewBefore TV distance of the real label distribution to uniform
 * @param skewAfter TV distance of the augmented (real plus synthetic) label distribution to uniform
 */
public record StrategyRow(String strategy, double alpha, double gammaBar, int seed, int[] realSamples, int[] synthetic,
    long totalSynthetic, double testAccuracy, double testLoss, double[] ownDistributionAccuracy, double[] loss,
    double[] accuracy, double[] predictedLoss, double[] measuredUtility, double measuredWelfare,
    double predictedWelfare, double[] transfers, double[] payoffs, double[] skewBefore, double[] skewAfter) {

  /** Mean over organizations of the deployed models' balanced accuracy. */
  public double meanOrganizationAccuracy() {
    double t = 0;
    for (double a : accuracy) {
      t += a;
    }
    return t / accuracy.length;
  }
}
