package io.cocogen.fl.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.ScalingLawModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScalingLawCalibratorTest {
  private static final double LREF = Math.log(10);
  private static final ScalingLawModel TRUE = new ScalingLawModel(LREF, 0.25, 6.0, 0.35, 0.8, 0.6);

  /** Points of federations of varying size, skew and generation, losses from {@code law} plus noise. */
  static List<CalibrationPoint> points(ScalingLawModel law, int federations, double noise, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<CalibrationPoint> pts = new ArrayList<>();
    for (int f = 0; f < federations; f++) {
      int n = 4;
      double[] d = new double[n];
      double[] delta = new double[n];
      double[] q = new double[n];
      double[] s = new double[n];
      double scaleD = Math.exp(Math.log(200) + r.nextDouble() * Math.log(50));
      double dTot = 0;
      double h = 0;
      double x = 0;
      double y = 0;
      for (int i = 0; i < n; i++) {
        d[i] = Math.rint(scaleD * (0.5 + r.nextDouble()));
        delta[i] = r.nextDouble() * 0.9;
        q[i] = 0.4 + 0.6 * r.nextDouble();
        s[i] = r.nextDouble() < 0.3 ? 0 : Math.rint(r.nextDouble() * 3 * d[i]);
        dTot += d[i];
        h += d[i] * delta[i];
        x += q[i] * s[i];
        y += s[i];
      }
      for (int i = 0; i < n; i++) {
        double loss = law.loss(dTot, h, x, y, d[i], delta[i], q[i], s[i]) + noise * r.nextGaussian();
        pts.add(new CalibrationPoint(dTot, h, x, y, d[i], delta[i], q[i], s[i], loss));
      }
    }
    return pts;
  }

  @Test
  void recoversKnownParametersFromExactData() {
    CalibrationFit fit = new ScalingLawCalibrator(LREF).fit(points(TRUE, 30, 0.0, 1), null);
    ScalingLawModel m = fit.model();
    assertThat(fit.converged()).as(fit.message()).isTrue();
    assertThat(fit.identifiable()).as(fit.message()).isTrue();
    assertThat(m.referenceLoss()).isEqualTo(LREF);
    assertThat(m.lossFloor()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(m.scale()).isCloseTo(6.0, org.assertj.core.data.Percentage.withPercentage(0.5));
    assertThat(m.exponent()).isCloseTo(0.35, org.assertj.core.data.Percentage.withPercentage(0.5));
    assertThat(m.drift()).isCloseTo(0.8, org.assertj.core.data.Percentage.withPercentage(0.5));
    assertThat(m.mismatch()).isCloseTo(0.6, org.assertj.core.data.Percentage.withPercentage(0.5));
    assertThat(fit.rSquared()).isGreaterThan(0.999999);
    assertThat(fit.rmse()).isLessThan(1e-6);
  }

  @Test
  void noisyDataGivesAnHonestFitThatBeatsAConstant() {
    List<CalibrationPoint> pts = points(TRUE, 40, 0.01, 2);
    CalibrationFit fit = new ScalingLawCalibrator(LREF).fit(pts, ScalingLawModel.defaults(10));
    assertThat(fit.beatsConstant()).as(fit.message()).isTrue();
    assertThat(fit.rmse()).isBetween(0.005, 0.02);
    assertThat(fit.rSquared()).isGreaterThan(0.8).isLessThan(1.0);
    // The loss surface (what the solver uses) is recovered even where single parameters trade off.
    for (CalibrationPoint p : pts) {
      double truth = TRUE.loss(p.realTotal(), p.skewWeighted(), p.effectiveSynthetic(), p.rawSynthetic(),
          p.realSamples(), p.skew(), p.quality(), p.synthetic());
      double fitted = fit.model().loss(p.realTotal(), p.skewWeighted(), p.effectiveSynthetic(), p.rawSynthetic(),
          p.realSamples(), p.skew(), p.quality(), p.synthetic());
      assertThat(Math.abs(fitted - truth)).isLessThan(0.02);
    }
    assertThat(fit.model().mismatch()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void dataThatNeverVaryTheAggregatesAreFlaggedAsNotIdentified() {
    // One federation observed repeatedly with the same generation: D, H, X, Y never change.
    List<CalibrationPoint> one = points(TRUE, 1, 0.0, 3);
    List<CalibrationPoint> pts = new ArrayList<>();
    for (int rep = 0; rep < 5; rep++) {
      pts.addAll(one);
    }
    CalibrationFit fit = new ScalingLawCalibrator(LREF).fit(pts, null);
    assertThat(fit.identifiable()).as(fit.message()).isFalse();
    assertThat(fit.conditionNumber()).isGreaterThan(ScalingLawCalibrator.DEFAULT_MAX_CONDITION);
    assertThat(fit.message()).contains("not identified");
  }

  @Test
  void aTermThatIsZeroInTheDataIsReportedNegligibleNotUnidentified() {
    ScalingLawModel noDrift = new ScalingLawModel(LREF, 0.25, 6.0, 0.35, 0.0, 0.6);
    CalibrationFit fit = new ScalingLawCalibrator(LREF).fit(points(noDrift, 30, 0.0, 4), null);
    assertThat(fit.model().drift()).isLessThan(1e-4);
    assertThat(fit.negligibleTerms()).contains("C");
    assertThat(fit.identifiable()).as(fit.message()).isTrue();
  }

  @Test
  void rejectsTooFewPointsAndBadPoints() {
    assertThatThrownBy(() -> new ScalingLawCalibrator(LREF).fit(points(TRUE, 1, 0, 5), null))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("calibration.points");
    assertThatThrownBy(() -> new CalibrationPoint(100, 10, 0, 0, 50, 1.5, 1, 0, 1.0))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("calibration.skew");
    assertThatThrownBy(() -> new CalibrationPoint(100, 10, 0, 0, 50, 0.5, 1, 0, Double.NaN))
        .isInstanceOf(InvalidModelException.class).hasMessageContaining("calibration.loss");
  }
}
