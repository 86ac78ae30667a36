package io.cocogen.fl.experiment;

import java.util.List;

/**
 * The performance model calibrated for one seed from pilot runs, and how well it predicted the strategy
 * runs it was not fitted on.
 *
 * @param seed seed index
 * @param points pilot observations (organizations times pilot runs)
 * @param rmse fit RMSE on the pilot points
 * @param rSquared fit R² on the pilot points
 * @param constantRmse RMSE of the best constant model on the same points
 * @param converged Levenberg–Marquardt converged
 * @param identifiable the fit's identifiability verdict
 * @param conditionNumber condition number of the scaled {@code JᵀJ}
 * @param negligibleTerms terms the data put at about zero
 * @param lossFloor fitted {@code ℓ∞}
 * @param scale fitted {@code A}
 * @param exponent fitted {@code β}
 * @param drift fitted {@code C}
 * @param mismatch fitted {@code E}
 * @param referenceLoss {@code L_ref = ln K}
 * @param validationRmse RMSE of predicted against measured losses over the strategy runs (held out)
 * @param validationRSquared R² of the same
 * @param message the calibrator's message
 */
public record CalibrationSummary(int seed, int points, double rmse, double rSquared, double constantRmse,
    boolean converged, boolean identifiable, double conditionNumber, List<String> negligibleTerms, double lossFloor,
    double scale, double exponent, double drift, double mismatch, double referenceLoss, double validationRmse,
    double validationRSquared, String message) {}
