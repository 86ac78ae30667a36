package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.SolverOptions;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Shapley values of coalition games (MODEL.md §9): exact over all {@code 2^n} coalitions for
 * {@code n ≤ 24}, or by seeded permutation sampling with standard errors, confidence intervals and a
 * stopping rule on a requested precision.
 *
 * <p>Exact: {@code φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S))}, from a bitmask-indexed table.
 * Sampling: {@code φ_i} is the mean over uniformly random orders of {@code i}'s marginal contribution to
 * the players before it; every order's contributions sum to {@code v(N) − v(∅)}.
 */
public final class ShapleyValues {
  /** Largest {@code n} for exact values (a table of {@code 2^n} doubles). */
  public static final int MAX_EXACT_PLAYERS = CoalitionValues.MAX_TABLE_PLAYERS;

  /** Up to this {@code n} the SHAPLEY sharing rule computes exact values, above it samples. */
  public static final int EXACT_SHARING_LIMIT = 20;

  /**
   * Above this {@code n} the SHAPLEY sharing rule refuses to sample on its own: a permutation costs
   * {@code O(n²)} coalition-member updates, so callers must pass values (or their own sampling options).
   */
  public static final int MAX_SHARING_MONTE_CARLO_PLAYERS = 1000;

  private ShapleyValues() {}

  // ---- exact ---------------------------------------------------------------------------------------

  /**
   * Exact Shapley values of the value function {@code v} (length {@code 2^n}, {@code v[mask]}; {@code v[0]}
   * is {@code v(∅)}). Parallel over players; the result does not depend on the thread count.
   */
  public static double[] exact(int n, double[] v) {
    if (n < 1 || n > MAX_EXACT_PLAYERS) {
      throw new InvalidModelException("players", n, "exact Shapley values need 1 <= n <= " + MAX_EXACT_PLAYERS);
    }
    if (v == null || v.length != 1 << n) {
      throw new InvalidModelException("values", v == null ? 0 : v.length, "a table over " + n + " players needs 2^"
          + n + " = " + (1 << n) + " entries");
    }
    for (int mask = 0; mask < v.length; mask++) {
      if (!Double.isFinite(v[mask])) {
        throw new InvalidModelException("values[" + mask + "]", v[mask], "must be finite");
      }
    }
    double[] weight = new double[n];
    double binom = 1;
    for (int s = 0; s < n; s++) {
      // s!(n−1−s)!/n! = 1 / (n · C(n−1, s))
      weight[s] = 1.0 / (n * binom);
      binom = binom * (n - 1 - s) / (s + 1);
    }
    double[] phi = new double[n];
    int half = 1 << (n - 1);
    IntStream.range(0, n).parallel().forEach(i -> {
      int bit = 1 << i;
      int lowMask = bit - 1;
      double[] bySize = new double[n];
      for (int r = 0; r < half; r++) {
        int mask = ((r & ~lowMask) << 1) | (r & lowMask);
        bySize[Integer.bitCount(mask)] += v[mask | bit] - v[mask];
      }
      double total = 0;
      for (int s = 0; s < n; s++) {
        total += weight[s] * bySize[s];
      }
      phi[i] = total;
    });
    return phi;
  }

  /** Exact values of an abstract value function over masks, {@code n ≤ 24}. */
  public static double[] exact(int n, IntToDoubleFunction v) {
    if (n < 1 || n > MAX_EXACT_PLAYERS) {
      throw new InvalidModelException("players", n, "exact Shapley values need 1 <= n <= " + MAX_EXACT_PLAYERS);
    }
    double[] table = new double[1 << n];
    for (int mask = 0; mask < table.length; mask++) {
      table[mask] = v.applyAsDouble(mask);
    }
    return exact(n, table);
  }

  /** Exact values of {@code f} from a coalition table. */
  public static double[] exact(CoalitionTable table, ValueFunction f) {
    return exact(table.players(), table.values(f));
  }

  /** Exact values of the round's coalition game {@code f} ({@code n ≤ 24}: {@code 2^n} coalition solves). */
  public static double[] exact(RoundGame game, ValueFunction f, SolverOptions options) {
    CoalitionTable table = CoalitionValues.of(game, options).table(f);
    return exact(table, f);
  }

  // ---- Monte Carlo --------------------------------------------------------------------------------

  /** Permutation sampling of the round's coalition game {@code f}. */
  public static ShapleyEstimate monteCarlo(RoundGame game, ValueFunction f, SolverOptions solver,
      MonteCarloOptions options) {
    return monteCarlo(CoalitionValues.of(game, solver).permutationValues(f), options);
  }

  /**
   * Permutation sampling: batches of {@code options.batchSize()} samples, each from its own seed drawn in
   * order from {@code options.seed()}, evaluated in parallel and folded in sample order (Welford), so the
   * estimate depends on the seed only. After each batch, once {@code minSamples} are in, sampling stops
   * when {@code max_i se_i ≤ precision · mean_i |φ̂_i|}, or at {@code maxSamples}.
   */
  public static ShapleyEstimate monteCarlo(PermutationValues values, MonteCarloOptions options) {
    long start = System.nanoTime();
    int n = values.size();
    if (n < 1) {
      throw new InvalidModelException("players", n, "must be >= 1");
    }
    ThreadLocal<PermutationValues.Cursor> cursors = ThreadLocal.withInitial(values::cursor);
    SplittableRandom master = new SplittableRandom(options.seed());
    double[] mean = new double[n];
    double[] m2 = new double[n];
    long samples = 0;
    double achieved = Double.POSITIVE_INFINITY;
    ShapleyEstimate.Status status = ShapleyEstimate.Status.MAX_SAMPLES;
    int perSample = options.antithetic() ? 2 : 1;
    while (samples < options.maxSamples()) {
      int b = (int) Math.min(options.batchSize(), options.maxSamples() - samples);
      long[] seeds = new long[b];
      for (int t = 0; t < b; t++) {
        seeds[t] = master.nextLong();
      }
      double[][] batch = new double[b][];
      IntStream.range(0, b).parallel().forEach(t -> batch[t] = sample(cursors.get(), n, seeds[t], options.antithetic()));
      for (int t = 0; t < b; t++) {
        samples++;
        double[] x = batch[t];
        for (int i = 0; i < n; i++) {
          double d = x[i] - mean[i];
          mean[i] += d / samples;
          m2[i] += d * (x[i] - mean[i]);
        }
      }
      if (samples >= options.minSamples()) {
        achieved = precision(mean, m2, samples);
        if (achieved <= options.precision()) {
          status = ShapleyEstimate.Status.CONVERGED;
          break;
        }
      }
    }
    if (samples < 2) {
      throw new InvalidModelException("maxSamples", options.maxSamples(), "must allow at least two samples");
    }
    achieved = precision(mean, m2, samples);
    double[] se = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double q = studentQuantile(0.5 + 0.5 * options.confidence(), samples - 1);
    for (int i = 0; i < n; i++) {
      se[i] = Math.sqrt(m2[i] / (samples - 1) / samples);
      lo[i] = mean[i] - q * se[i];
      hi[i] = mean[i] + q * se[i];
    }
    long permutations = samples * perSample;
    return new ShapleyEstimate(mean, se, lo, hi, options.confidence(), samples, permutations, permutations * n, status,
        achieved, options.precision(), System.nanoTime() - start);
  }

  /** {@code max_i se_i / mean_i |φ̂_i|}; 0 when everything is exactly known, ∞ when the mean is 0. */
  private static double precision(double[] mean, double[] m2, long samples) {
    double maxSe = 0;
    double meanAbs = 0;
    for (int i = 0; i < mean.length; i++) {
      maxSe = Math.max(maxSe, Math.sqrt(m2[i] / (samples - 1) / samples));
      meanAbs += Math.abs(mean[i]);
    }
    meanAbs /= mean.length;
    if (maxSe == 0) {
      return 0.0;
    }
    return meanAbs > 0 ? maxSe / meanAbs : Double.POSITIVE_INFINITY;
  }

  /** One sample: the marginal contributions along a random order (averaged with its reverse if antithetic). */
  private static double[] sample(PermutationValues.Cursor cursor, int n, long seed, boolean antithetic) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    double[] out = new double[n];
    double prev = cursor.reset();
    for (int p = 0; p < n; p++) {
      double v = cursor.add(perm[p]);
      out[perm[p]] = v - prev;
      prev = v;
    }
    if (antithetic) {
      prev = cursor.reset();
      for (int p = n - 1; p >= 0; p--) {
        double v = cursor.add(perm[p]);
        out[perm[p]] = 0.5 * (out[perm[p]] + (v - prev));
        prev = v;
      }
    }
    return out;
  }

  // ---- the SHAPLEY sharing rule ------------------------------------------------------------------

  /**
   * Shapley values of the surplus game {@code v_Δ = v^SO − v^NE} for the SHAPLEY sharing rule: exact up to
   * {@link #EXACT_SHARING_LIMIT} organizations, sampled above (default options seeded with
   * {@code options.randomSeed()}, at most {@code min(2000, max(30, 5·10^7/n²))} antithetic samples) up to
   * {@link #MAX_SHARING_MONTE_CARLO_PLAYERS}. The surplus game is hard to sample (its marginal contributions
   * vary a lot relative to their mean), so the sampled values are typically a few percent off; callers who
   * need a stated precision should run {@link #monteCarlo} themselves and pass the values.
   */
  public static double[] surplusValues(RoundGame game, SolverOptions options) {
    int n = game.size();
    if (n <= EXACT_SHARING_LIMIT) {
      return exact(game, ValueFunction.SURPLUS, options);
    }
    if (n > MAX_SHARING_MONTE_CARLO_PLAYERS) {
      throw new InvalidModelException("shapley", n, "the SHAPLEY rule samples Shapley values itself only up to "
          + MAX_SHARING_MONTE_CARLO_PLAYERS + " organizations; compute them with ShapleyValues.monteCarlo and pass them");
    }
    // A sample costs O(n²) member updates: cap the samples so the work stays bounded (50 at n = 1000).
    int maxSamples = (int) Math.max(30, Math.min(2000, 5e7 / ((double) n * n)));
    return monteCarlo(game, ValueFunction.SURPLUS, options,
        MonteCarloOptions.DEFAULT.withSeed(options.randomSeed()).withSamples(30, maxSamples)).values();
  }

  // ---- quantiles ---------------------------------------------------------------------------------

  /** The {@code p}-quantile of Student's t with {@code dof ≥ 1} degrees of freedom. */
  static double studentQuantile(double p, long dof) {
    if (dof < 1) {
      throw new IllegalArgumentException("dof " + dof);
    }
    double sign = p < 0.5 ? -1 : 1;
    double pp = p < 0.5 ? 1 - p : p;
    if (dof == 1) {
      return sign * Math.tan(Math.PI * (pp - 0.5));
    }
    if (dof == 2) {
      return sign * (2 * pp - 1) / Math.sqrt(2 * pp * (1 - pp));
    }
    if (dof == 4) {
      double alpha = 4 * pp * (1 - pp);
      double q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
      return sign * 2 * Math.sqrt(q - 1);
    }
    if (dof == 3) {
      // Newton on the closed-form CDF of t(3).
      double t = 2;
      for (int it = 0; it < 100; it++) {
        double u = t / Math.sqrt(3);
        double cdf = 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI;
        double pdf = 6 * Math.sqrt(3) / (Math.PI * Math.pow(3 + t * t, 2));
        double step = (cdf - pp) / pdf;
        t -= step;
        if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(t))) {
          break;
        }
      }
      return sign * t;
    }
    // Cornish–Fisher expansion around the normal quantile (error below 1e-3 relative from 5 dof).
    double z = normalQuantile(pp);
    double v = dof;
    double z2 = z * z;
    double g1 = (z2 + 1) * z / 4;
    double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    return sign * (z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v));
  }

  /** The standard normal {@code p}-quantile (Acklam's rational approximation, relative error about 1e-9). */
  static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p " + p);
    }
    final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
