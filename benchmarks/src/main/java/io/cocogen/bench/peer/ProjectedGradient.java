package io.cocogen.bench.peer;

import io.cocogen.api.RoundGame;

/**
 * Baseline (c): projected gradient ascent on {@code Φ} over the box, in {@code x = s/S}, with the
 * Barzilai–Borwein step and Armijo backtracking along the projection arc. Starts at {@code x = ½}; stops
 * when the projected-gradient norm is at most {@code gtol} (see {@link ScaledPotential}) or after
 * {@code maxIterations}.
 */
public final class ProjectedGradient {
  private final ScaledPotential phi;
  private final double gtol;
  private final int maxIterations;
  private int iterations;
  private long evaluations;
  private double projectedGradient;

  public ProjectedGradient(RoundGame game, double gtol, int maxIterations) {
    this.phi = new ScaledPotential(game);
    this.gtol = gtol;
    this.maxIterations = maxIterations;
  }

  /** Maximises {@code Φ}; returns the profile {@code s}. */
  public double[] solve() {
    int n = phi.size();
    double[] x = new double[n];
    double[] g = new double[n];
    double[] xn = new double[n];
    double[] gn = new double[n];
    java.util.Arrays.fill(x, 0.5);
    double f = phi.valueAndGradient(x, g);
    evaluations = 1;
    double step = 1.0;
    int it = 0;
    double pg = ScaledPotential.projectedGradientNorm(x, g);
    while (pg > gtol && it < maxIterations) {
      it++;
      double t = step;
      double fn;
      int backtracks = 0;
      while (true) {
        double gain = 0;
        for (int i = 0; i < n; i++) {
          double v = Math.min(1.0, Math.max(0.0, x[i] + t * g[i]));
          xn[i] = v;
          gain += g[i] * (v - x[i]);
        }
        fn = phi.value(xn);
        evaluations++;
        if (fn >= f + 1e-4 * gain || ++backtracks > 60) {
          break;
        }
        t *= 0.5;
      }
      if (backtracks > 60) {
        break;
      }
      fn = phi.valueAndGradient(xn, gn);
      evaluations++;
      // Barzilai–Borwein (ascent): t = <dx,dx> / -<dx,dg>.
      double ss = 0;
      double sy = 0;
      for (int i = 0; i < n; i++) {
        double dx = xn[i] - x[i];
        ss += dx * dx;
        sy -= dx * (gn[i] - g[i]);
      }
      step = sy > 0 ? Math.min(1e12, Math.max(1e-12, ss / sy)) : Math.min(1e12, 2 * t);
      double[] tmp = x;
      x = xn;
      xn = tmp;
      tmp = g;
      g = gn;
      gn = tmp;
      f = fn;
      pg = ScaledPotential.projectedGradientNorm(x, g);
    }
    iterations = it;
    projectedGradient = pg;
    double[] s = new double[n];
    phi.toProfile(x, s);
    return s;
  }

  public int iterations() { return iterations; }

  public long evaluations() { return evaluations; }

  /** The projected-gradient norm at the returned point. */
  public double projectedGradient() { return projectedGradient; }
}
