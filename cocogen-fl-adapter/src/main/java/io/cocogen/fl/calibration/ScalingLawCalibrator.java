package io.cocogen.fl.calibration;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.ScalingLawModel;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Fits {@code (ℓ∞, A, β, C, E)} of the scaling law (MODEL.md §2) to observed losses by nonlinear least
 * squares, with {@code L_ref} held fixed (MODEL.md §11).
 *
 * <p>Method. {@code A} and {@code β} are fitted in logs ({@code θ = (ℓ∞, ln A, ln β, C, E)}), so they stay
 * positive by construction; {@code C, E ≥ 0} (and optionally a lower bound on {@code ℓ∞}) are kept by
 * projecting every step onto the bounds, so a term can be estimated as exactly 0 and still move off 0
 * (a log parameter could not: its gradient vanishes there). For every {@code β} of a start grid the law is linear in
 * {@code (ℓ∞, A, C, E)}; a least-squares solve of that linear problem (coefficients clipped to small
 * positive values) gives a start, and Levenberg–Marquardt refines every start: each step solves the
 * damped problem {@code min ‖J δ + r‖² + μ ‖diag(JᵀJ)^½ δ‖²} by Householder QR (EJML) on the augmented
 * matrix, which avoids squaring the condition number of {@code J}. The best start wins.
 *
 * <p>Identifiability. At the solution, the Jacobian's columns (log-parameters, terms that are not
 * negligible) are scaled to unit norm and the condition number of {@code JᵀJ} is computed by SVD. Data
 * that never vary the aggregates (for example the same generation amounts every round) make it huge:
 * then {@link CalibrationFit#identifiable()} is false and the coordinator keeps exploring.
 */
public final class ScalingLawCalibrator {
  /** Default largest condition number of the scaled {@code JᵀJ} that counts as identified. */
  public static final double DEFAULT_MAX_CONDITION = 1e10;
  /** Default fewest points for a fit to count as identified (twice the five parameters). */
  public static final int DEFAULT_MIN_POINTS = 10;

  private static final double[] BETA_STARTS = {0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5};
  private static final double LOG_MIN = -40;
  private static final double LOG_MAX = 40;
  private static final double LOG_BETA_MAX = Math.log(5.0);
  private static final double NEGLIGIBLE = 1e-6;
  private static final int P = 5;

  private final double referenceLoss;
  private final int maxIterations;
  private final double maxCondition;
  private final int minPoints;
  private final double minLossFloor;

  /**
   * @param referenceLoss {@code L_ref}, finite (e.g. {@code ln K})
   * @param maxIterations Levenberg–Marquardt iterations per start, at least 1
   * @param maxCondition identifiability threshold on the condition number, greater than 1
   * @param minPoints fewest points for an identified fit, at least 5
   */
  public ScalingLawCalibrator(double referenceLoss, int maxIterations, double maxCondition, int minPoints) {
    this(referenceLoss, maxIterations, maxCondition, minPoints, Double.NEGATIVE_INFINITY);
  }

  /**
   * @param referenceLoss {@code L_ref}, finite (e.g. {@code ln K})
   * @param maxIterations Levenberg–Marquardt iterations per start, at least 1
   * @param maxCondition identifiability threshold on the condition number, greater than 1
   * @param minPoints fewest points for an identified fit, at least 5
   * @param minLossFloor lower bound on {@code ℓ∞} (e.g. 0 for a cross-entropy, which cannot be negative),
   *     enforced by projection in every step; {@code −∞} for none
   */
  public ScalingLawCalibrator(double referenceLoss, int maxIterations, double maxCondition, int minPoints,
      double minLossFloor) {
    if (!Double.isFinite(referenceLoss)) {
      throw new InvalidModelException("calibration.referenceLoss", referenceLoss, "must be finite");
    }
    if (maxIterations < 1) {
      throw new InvalidModelException("calibration.maxIterations", maxIterations, "must be >= 1");
    }
    if (!(maxCondition > 1)) {
      throw new InvalidModelException("calibration.maxCondition", maxCondition, "must be > 1");
    }
    if (minPoints < P) {
      throw new InvalidModelException("calibration.minPoints", minPoints, "must be >= " + P);
    }
    this.referenceLoss = referenceLoss;
    this.maxIterations = maxIterations;
    this.maxCondition = maxCondition;
    this.minPoints = minPoints;
    if (Double.isNaN(minLossFloor) || minLossFloor == Double.POSITIVE_INFINITY) {
      throw new InvalidModelException("calibration.minLossFloor", minLossFloor, "must be a number or -infinity");
    }
    this.minLossFloor = minLossFloor;
  }

  /** For a cross-entropy loss: {@code ℓ∞ ≥ 0}, other settings as {@link #ScalingLawCalibrator(double)}. */
  public static ScalingLawCalibrator forCrossEntropy(double referenceLoss) {
    return new ScalingLawCalibrator(referenceLoss, 500, DEFAULT_MAX_CONDITION, DEFAULT_MIN_POINTS, 0.0);
  }

  /** With 500 iterations, {@link #DEFAULT_MAX_CONDITION} and {@link #DEFAULT_MIN_POINTS}. */
  public ScalingLawCalibrator(double referenceLoss) {
    this(referenceLoss, 500, DEFAULT_MAX_CONDITION, DEFAULT_MIN_POINTS);
  }

  public double referenceLoss() {
    return referenceLoss;
  }

  /**
   * Fits the law to {@code points}.
   *
   * @param points at least 5 observations (fewer cannot determine five parameters)
   * @param initialGuess an extra start (its {@code L_ref} is ignored), or null
   */
  public CalibrationFit fit(List<CalibrationPoint> points, ScalingLawModel initialGuess) {
    if (points == null || points.size() < P) {
      throw new InvalidModelException("calibration.points", points == null ? 0 : points.size(),
          "at least " + P + " observations are needed to fit five parameters");
    }
    int n = points.size();
    double[] u = new double[n];
    double[] drift = new double[n];
    double[] own = new double[n];
    double[] y = new double[n];
    double mean = 0;
    for (int k = 0; k < n; k++) {
      CalibrationPoint p = points.get(k);
      u[k] = p.realTotal() + p.effectiveSynthetic();
      drift[k] = p.skewWeighted() / (p.realTotal() + p.rawSynthetic());
      own[k] = p.skew() * p.realSamples() / (p.realSamples() + p.quality() * p.synthetic());
      y[k] = p.loss();
      mean += y[k];
    }
    mean /= n;
    double sst = 0;
    for (double v : y) {
      sst += (v - mean) * (v - mean);
    }
    Problem prob = new Problem(u, drift, own, y);

    List<double[]> starts = new ArrayList<>();
    for (double beta : BETA_STARTS) {
      starts.add(linearStart(prob, beta, mean));
    }
    if (initialGuess != null) {
      starts.add(new double[] {initialGuess.lossFloor(), Math.log(initialGuess.scale()),
          Math.log(initialGuess.exponent()), initialGuess.drift(), initialGuess.mismatch()});
    }
    Run best = null;
    for (double[] s : starts) {
      Run r = levenbergMarquardt(prob, s);
      if (best == null || r.cost < best.cost) {
        best = r;
      }
    }
    double[] t = best.theta;
    ScalingLawModel model = new ScalingLawModel(referenceLoss, t[0], Math.exp(t[1]), Math.exp(t[2]), t[3], t[4]);
    double sse = 2 * best.cost;
    double rmse = Math.sqrt(sse / n);
    double r2 = sst > 0 ? 1 - sse / sst : Double.NaN;
    double constantRmse = Math.sqrt(sst / n);

    // Identifiability on the non-negligible columns.
    DMatrixRMaj jac = new DMatrixRMaj(n, P);
    prob.jacobian(t, jac);
    double level = Math.max(1e-12, rms(y));
    List<String> negligible = new ArrayList<>();
    List<Integer> keep = new ArrayList<>();
    keep.add(0);
    if (rms(column(jac, 1)) < NEGLIGIBLE * level) {
      negligible.add("A"); // beta is then meaningless too
    } else {
      keep.add(1);
      keep.add(2);
    }
    if (t[3] * rms(column(jac, 3)) < NEGLIGIBLE * level) {
      negligible.add("C");
    } else {
      keep.add(3);
    }
    if (t[4] * rms(column(jac, 4)) < NEGLIGIBLE * level) {
      negligible.add("E");
    } else {
      keep.add(4);
    }
    double cond = conditionOfScaledNormalMatrix(jac, keep);
    boolean identifiable = n >= minPoints && cond <= maxCondition;
    StringBuilder msg = new StringBuilder();
    msg.append("Levenberg-Marquardt from ").append(starts.size()).append(" starts; best converged=")
        .append(best.converged).append(" after ").append(best.iterations).append(" iterations; RMSE ")
        .append(fmt(rmse)).append(" vs constant-model RMSE ").append(fmt(constantRmse)).append("; cond(JtJ) ")
        .append(fmt(cond));
    if (!negligible.isEmpty()) {
      msg.append("; negligible terms ").append(negligible);
    }
    if (!identifiable) {
      msg.append(n < minPoints ? "; not identified: " + n + " points < " + minPoints
          : "; not identified: condition number above " + fmt(maxCondition) + " (vary the generation amounts)");
    }
    return new CalibrationFit(model, n, rmse, r2, constantRmse, best.iterations, best.converged, cond, negligible,
        identifiable, msg.toString());
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  private static double rms(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s / Math.max(1, v.length));
  }

  private static double[] column(DMatrixRMaj jac, int c) {
    double[] col = new double[jac.numRows];
    for (int k = 0; k < col.length; k++) {
      col[k] = jac.get(k, c);
    }
    return col;
  }

  /** cond(JₛᵀJₛ) = cond(Jₛ)² with {@code Jₛ} the kept columns scaled to unit norm; +∞ when singular. */
  static double conditionOfScaledNormalMatrix(DMatrixRMaj jac, List<Integer> keep) {
    int n = jac.numRows;
    DMatrixRMaj js = new DMatrixRMaj(n, keep.size());
    for (int c = 0; c < keep.size(); c++) {
      int col = keep.get(c);
      double norm = 0;
      for (int k = 0; k < n; k++) {
        norm += jac.get(k, col) * jac.get(k, col);
      }
      norm = Math.sqrt(norm);
      if (!(norm > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      for (int k = 0; k < n; k++) {
        js.set(k, c, jac.get(k, col) / norm);
      }
    }
    if (n < keep.size()) {
      return Double.POSITIVE_INFINITY;
    }
    double c = NormOps_DDRM.conditionP2(js);
    if (!Double.isFinite(c)) {
      return Double.POSITIVE_INFINITY;
    }
    return c * c;
  }

  /**
   * For a fixed {@code β} the law is linear in {@code (ℓ∞, A, C, E)}: solve that by least squares and clip
   * the positive coefficients to small positive values.
   */
  private static double[] linearStart(Problem prob, double beta, double mean) {
    int n = prob.y.length;
    DMatrixRMaj a = new DMatrixRMaj(n, 4);
    DMatrixRMaj b = new DMatrixRMaj(n, 1);
    for (int k = 0; k < n; k++) {
      a.set(k, 0, 1.0);
      a.set(k, 1, Math.pow(prob.u[k], -beta));
      a.set(k, 2, prob.drift[k]);
      a.set(k, 3, prob.own[k]);
      b.set(k, 0, prob.y[k]);
    }
    scaleColumns(a);
    DMatrixRMaj x = new DMatrixRMaj(4, 1);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
    double floor = mean;
    double scale = 1e-3;
    double c = 0;
    double e = 0;
    if (solver.setA(a.copy())) {
      solver.solve(b, x);
      double[] norms = columnNorms(n, prob, beta);
      double f = x.get(0) / norms[0];
      double sa = x.get(1) / norms[1];
      double sc = x.get(2) / norms[2];
      double se = x.get(3) / norms[3];
      if (Double.isFinite(f) && Double.isFinite(sa) && Double.isFinite(sc) && Double.isFinite(se)) {
        floor = f;
        scale = sa > 0 ? sa : 1e-3;
        c = Math.max(0, sc);
        e = Math.max(0, se);
      }
    }
    return new double[] {floor, Math.log(scale), Math.log(beta), c, e};
  }

  private static double[] columnNorms(int n, Problem prob, double beta) {
    double[] norms = new double[4];
    for (int k = 0; k < n; k++) {
      double[] row = {1.0, Math.pow(prob.u[k], -beta), prob.drift[k], prob.own[k]};
      for (int c = 0; c < 4; c++) {
        norms[c] += row[c] * row[c];
      }
    }
    for (int c = 0; c < 4; c++) {
      norms[c] = norms[c] > 0 ? Math.sqrt(norms[c]) : 1.0;
    }
    return norms;
  }

  private static void scaleColumns(DMatrixRMaj a) {
    for (int c = 0; c < a.numCols; c++) {
      double norm = 0;
      for (int k = 0; k < a.numRows; k++) {
        norm += a.get(k, c) * a.get(k, c);
      }
      norm = norm > 0 ? Math.sqrt(norm) : 1.0;
      for (int k = 0; k < a.numRows; k++) {
        a.set(k, c, a.get(k, c) / norm);
      }
    }
  }

  private Run levenbergMarquardt(Problem prob, double[] start) {
    int n = prob.y.length;
    double[] t = start.clone();
    clamp(t);
    double[] r = new double[n];
    double cost = prob.residuals(t, r);
    DMatrixRMaj jac = new DMatrixRMaj(n, P);
    DMatrixRMaj aug = new DMatrixRMaj(n + P, P);
    DMatrixRMaj rhs = new DMatrixRMaj(n + P, 1);
    DMatrixRMaj step = new DMatrixRMaj(P, 1);
    LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(n + P, P);
    double mu = 1e-3;
    boolean converged = false;
    int it = 0;
    double[] trial = new double[P];
    double[] rt = new double[n];
    while (it < maxIterations && !converged) {
      it++;
      prob.jacobian(t, jac);
      double[] diag = new double[P];
      boolean[] active = new boolean[P];
      double gradNorm = 0;
      for (int c = 0; c < P; c++) {
        double g = 0;
        for (int k = 0; k < n; k++) {
          double v = jac.get(k, c);
          diag[c] += v * v;
          g += v * r[k];
        }
        diag[c] = Math.max(diag[c], 1e-12);
        // Active set: a parameter at its lower bound whose descent direction points below it stays put.
        active[c] = g > 0 && (c == 0 && t[0] <= minLossFloor || c >= 3 && t[c] <= 0);
        if (!active[c]) {
          gradNorm = Math.max(gradNorm, Math.abs(g)); // projected gradient
        }
      }
      if (gradNorm <= 1e-14 * Math.max(1.0, cost)) {
        converged = true;
        break;
      }
      boolean accepted = false;
      for (int attempt = 0; attempt < 30 && !accepted; attempt++) {
        aug.zero();
        for (int k = 0; k < n; k++) {
          for (int c = 0; c < P; c++) {
            aug.set(k, c, active[c] ? 0.0 : jac.get(k, c));
          }
          rhs.set(k, 0, -r[k]);
        }
        for (int c = 0; c < P; c++) {
          aug.set(n + c, c, active[c] ? 1.0 : Math.sqrt(mu * diag[c]));
          rhs.set(n + c, 0, 0.0);
        }
        if (!qr.setA(aug)) {
          mu *= 10;
          continue;
        }
        qr.solve(rhs, step);
        double stepNorm = 0;
        for (int c = 0; c < P; c++) {
          trial[c] = t[c] + step.get(c);
          stepNorm = Math.max(stepNorm, Math.abs(step.get(c)));
        }
        clamp(trial);
        double trialCost = prob.residuals(trial, rt);
        if (Double.isFinite(trialCost) && trialCost < cost) {
          double decrease = cost - trialCost;
          System.arraycopy(trial, 0, t, 0, P);
          System.arraycopy(rt, 0, r, 0, n);
          cost = trialCost;
          mu = Math.max(mu / 3, 1e-12);
          accepted = true;
          if (decrease <= 1e-10 * Math.max(cost, 1e-300) || stepNorm < 1e-10) {
            converged = true;
          }
        } else {
          mu *= 4;
          if (stepNorm < 1e-12) {
            converged = true;
            break;
          }
        }
      }
      if (!accepted) {
        converged = true; // no downhill step at any damping: a (local) minimum to working precision
      }
    }
    return new Run(t, cost, it, converged);
  }

  private void clamp(double[] t) {
    t[0] = Math.max(minLossFloor, t[0]);
    t[1] = Math.max(LOG_MIN, Math.min(LOG_MAX, t[1]));
    t[2] = Math.max(LOG_MIN, Math.min(LOG_BETA_MAX, t[2]));
    t[3] = Math.max(0, t[3]);
    t[4] = Math.max(0, t[4]);
  }

  private record Run(double[] theta, double cost, int iterations, boolean converged) {}

  /** Precomputed per-point features: {@code u = D + X}, {@code H/(D+Y)}, {@code δ d/(d + q s)}. */
  private static final class Problem {
    final double[] u;
    final double[] drift;
    final double[] own;
    final double[] y;

    Problem(double[] u, double[] drift, double[] own, double[] y) {
      this.u = u;
      this.drift = drift;
      this.own = own;
      this.y = y;
    }

    /** Residuals {@code f − y} into {@code r}; returns half the sum of squares. */
    double residuals(double[] t, double[] r) {
      double a = Math.exp(t[1]);
      double beta = Math.exp(t[2]);
      double c = t[3];
      double e = t[4];
      double s = 0;
      for (int k = 0; k < y.length; k++) {
        double f = t[0] + a * Math.pow(u[k], -beta) + c * drift[k] + e * own[k];
        r[k] = f - y[k];
        s += r[k] * r[k];
      }
      return 0.5 * s;
    }

    void jacobian(double[] t, DMatrixRMaj jac) {
      double a = Math.exp(t[1]);
      double beta = Math.exp(t[2]);
      for (int k = 0; k < y.length; k++) {
        double pw = a * Math.pow(u[k], -beta);
        jac.set(k, 0, 1.0);
        jac.set(k, 1, pw);
        jac.set(k, 2, -beta * pw * Math.log(u[k]));
        jac.set(k, 3, drift[k]);
        jac.set(k, 4, own[k]);
      }
    }
  }
}
