package io.cocogen.fl.calibration;

import io.cocogen.api.InvalidModelException;

/**
 * One observed loss of one organization (MODEL.md §11): the federation's aggregates when it was
 * measured, the organization's own data, and the loss {@code L_i} of the model it uses.
 *
 * @param realTotal {@code D = Σ d_j > 0}
 * @param skewWeighted {@code H = Σ d_j δ_j ≥ 0}
 * @param effectiveSynthetic {@code X = Σ q_j s_j ≥ 0}
 * @param rawSynthetic {@code Y = Σ s_j ≥ 0}
 * @param realSamples {@code d_i > 0}
 * @param skew {@code δ_i ∈ [0, 1]}
 * @param quality {@code q_i ∈ (0, 1]}
 * @param synthetic {@code s_i ≥ 0}, what the organization actually generated
 * @param loss the measured loss, finite
 */
public record CalibrationPoint(double realTotal, double skewWeighted, double effectiveSynthetic, double rawSynthetic,
    double realSamples, double skew, double quality, double synthetic, double loss) {

  public CalibrationPoint {
    positive("calibration.realTotal", realTotal);
    nonNegative("calibration.skewWeighted", skewWeighted);
    nonNegative("calibration.effectiveSynthetic", effectiveSynthetic);
    nonNegative("calibration.rawSynthetic", rawSynthetic);
    positive("calibration.realSamples", realSamples);
    if (!(skew >= 0 && skew <= 1)) {
      throw new InvalidModelException("calibration.skew", skew, "must be in [0, 1]");
    }
    if (!(quality > 0 && quality <= 1)) {
      throw new InvalidModelException("calibration.quality", quality, "must be in (0, 1]");
    }
    nonNegative("calibration.synthetic", synthetic);
    if (!Double.isFinite(loss)) {
      throw new InvalidModelException("calibration.loss", loss, "must be finite");
    }
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new InvalidModelException(field, v, "must be finite and > 0");
    }
  }

  private static void nonNegative(String field, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new InvalidModelException(field, v, "must be finite and >= 0");
    }
  }
}
