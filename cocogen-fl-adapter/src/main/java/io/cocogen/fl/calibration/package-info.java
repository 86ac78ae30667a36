/**
 * Calibration of the scaling law (MODEL.md §11) from observed losses by Levenberg–Marquardt, with fit
 * quality and an identifiability check.
 */
package io.cocogen.fl.calibration;
