package io.cocogen.fl.calibration;

import io.cocogen.api.ScalingLawModel;
import java.util.List;

/**
 * The result of fitting the scaling law to observed losses (MODEL.md §11), with its quality.
 *
 * @param model the fitted law ({@code L_ref} as given, the other five parameters fitted); the initial
 *     guess when nothing was fitted
 * @param points number of observations used (0 for an unfitted initial guess)
 * @param rmse root-mean-square residual of the fit (NaN when nothing was fitted)
 * @param rSquared {@code 1 − SSE/SST}; NaN when nothing was fitted or the losses are all equal
 * @param constantRmse RMSE of the best constant model (the standard deviation of the losses), the bar
 *     any useful fit must beat
 * @param iterations Levenberg–Marquardt iterations of the best start
 * @param converged whether the best start met the convergence test before the iteration limit
 * @param conditionNumber condition number of {@code JᵀJ} at the solution, with the Jacobian taken
 *     with respect to the log-parameters and its columns scaled to unit norm, over the terms that are
 *     not negligible; {@code +∞} when the non-negligible columns are linearly dependent
 * @param negligibleTerms names of the terms ({@code "A"}, {@code "C"}, {@code "E"}) whose contribution
 *     to every fitted loss is below {@code 1e-6} of the loss level: the data say they are about zero,
 *     which is an estimate, not a failure of identification
 * @param identifiable enough points and a condition number below the calibrator's threshold: the data
 *     determine the parameters; otherwise the caller should explore (vary the generation amounts)
 * @param message how the fit went, readable
 */
public record CalibrationFit(ScalingLawModel model, int points, double rmse, double rSquared, double constantRmse,
    int iterations, boolean converged, double conditionNumber, List<String> negligibleTerms, boolean identifiable,
    String message) {

  public CalibrationFit {
    negligibleTerms = List.copyOf(negligibleTerms);
  }

  /** An unfitted initial guess: no points, no quality figures, not identifiable. */
  public static CalibrationFit initialGuess(ScalingLawModel model) {
    return new CalibrationFit(model, 0, Double.NaN, Double.NaN, Double.NaN, 0, false, Double.POSITIVE_INFINITY,
        List.of(), false, "initial guess, not fitted to observations");
  }

  /** True when the fit was computed from observations. */
  public boolean fitted() {
    return points > 0;
  }

  /** True when the fit's RMSE is below that of the best constant model. */
  public boolean beatsConstant() {
    return fitted() && rmse < constantRmse;
  }
}
