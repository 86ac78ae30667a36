package io.cocogen.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Seeded random federations and round games, for tests, sweeps over {@code n}, benchmarks and demos.
 * The same generator state gives the same game, bit for bit.
 */
public final class SyntheticFederations {
  private SyntheticFederations() {}

  /** Competition representations a random game can use. */
  public enum Kind { NONE, UNIFORM, SEGMENTS, SPARSE, DENSE }

  /**
   * Options of a random game.
   *
   * @param n organizations
   * @param kind competition representation
   * @param gammaBar each organization's total exposure is at most this
   * @param theta competition model
   * @param valueSpread market values are drawn in {@code [100, 100·valueSpread]}; with
   *     {@code gammaBar·valueSpread < 1} every {@code w_i > 0}
   * @param budgetFraction shared budget as a fraction of total capacity, or NaN for none
   * @param quadraticShare probability that an organization has a quadratic cost term
   */
  public record Spec(int n, Kind kind, double gammaBar, double theta, double valueSpread, double budgetFraction,
      double quadraticShare) {
    public Spec {
      if (n < 1) {
        throw new InvalidModelException("n", n, "must be >= 1");
      }
      Checks.nonNegative("gammaBar", gammaBar);
      Checks.inClosed("theta", theta, 0, 1);
      if (!(valueSpread >= 1)) {
        throw new InvalidModelException("valueSpread", valueSpread, "must be >= 1");
      }
    }

    /** A potential game (every {@code w_i > 0}) of the given size and kind, no budget. */
    public static Spec of(int n, Kind kind, double gammaBar, double theta) {
      return new Spec(n, kind, gammaBar, theta, 1.5, Double.NaN, 0.5);
    }

    public Spec withBudget(double fraction) {
      return new Spec(n, kind, gammaBar, theta, valueSpread, fraction, quadraticShare);
    }

    public Spec withValueSpread(double spread) {
      return new Spec(n, kind, gammaBar, theta, spread, budgetFraction, quadraticShare);
    }
  }

  /** One random organization with realistic magnitudes (thousands of samples, costs per sample). */
  public static Organization organization(String id, RandomGenerator r, double valueSpread, double quadraticShare) {
    double d = logUniform(r, 500, 20000);
    double rho = 100 * (1 + r.nextDouble() * (valueSpread - 1));
    double quadratic = r.nextDouble() < quadraticShare ? logUniform(r, 1e-12, 1e-9) * rho : 0.0;
    return Organization.builder(id)
        .realSamples(Math.rint(d))
        .skew(r.nextDouble() * 0.8)
        .quality(0.3 + 0.7 * r.nextDouble())
        .unitCost(logUniform(r, 1e-7, 3e-5) * rho)
        .quadraticCost(quadratic)
        .capacity(Math.rint(logUniform(r, 1000, 50000)))
        .marketValue(rho)
        .build();
  }

  /** A random round game from {@code spec}, with the default scaling law for 10 classes. */
  public static RoundGame game(RandomGenerator r, Spec spec) {
    int n = spec.n();
    List<Organization> orgs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      orgs.add(organization("org" + i, r, spec.valueSpread(), spec.quadraticShare()));
    }
    RoundGame.Builder b = RoundGame.builder().organizations(orgs).theta(spec.theta())
        .performance(ScalingLawModel.defaults(10));
    b.competition(competition(r, spec, orgs));
    if (!Double.isNaN(spec.budgetFraction())) {
      double total = 0;
      for (Organization o : orgs) {
        total += o.capacity();
      }
      b.budget(spec.budgetFraction() * total);
    }
    return b.build();
  }

  private static Competition competition(RandomGenerator r, Spec spec, List<Organization> orgs) {
    int n = orgs.size();
    double gb = spec.gammaBar();
    switch (spec.kind()) {
      case NONE:
        return Competition.none();
      case UNIFORM:
        return Competition.uniform(gb);
      case SEGMENTS: {
        int segs = Math.max(1, (int) Math.round(Math.sqrt(n) / 2));
        Map<String, String> of = new LinkedHashMap<>();
        for (Organization o : orgs) {
          of.put(o.id(), "segment" + r.nextInt(segs));
        }
        // within + across <= gammaBar keeps every exposure within gammaBar, as Spec promises.
        double within = gb * (0.5 + 0.5 * r.nextDouble());
        return Competition.segments(of, within, (gb - within) * r.nextDouble());
      }
      case SPARSE: {
        List<Competition.Rivalry> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int deg = n > 1 ? 1 + r.nextInt(Math.min(n - 1, 4)) : 0;
          double[] weights = new double[deg];
          double sum = 0;
          for (int t = 0; t < deg; t++) {
            weights[t] = r.nextDouble();
            sum += weights[t];
          }
          double exposure = gb * r.nextDouble();
          java.util.Set<Integer> used = new java.util.HashSet<>();
          for (int t = 0; t < deg; t++) {
            int j;
            do {
              j = r.nextInt(n);
            } while (j == i || !used.add(j));
            list.add(new Competition.Rivalry(orgs.get(i).id(), orgs.get(j).id(), exposure * weights[t] / sum));
          }
        }
        return Competition.sparse(list);
      }
      case DENSE: {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
          double sum = 0;
          for (int j = 0; j < n; j++) {
            if (j != i) {
              g[i][j] = r.nextDouble();
              sum += g[i][j];
            }
          }
          double exposure = gb * r.nextDouble();
          for (int j = 0; j < n; j++) {
            g[i][j] = sum > 0 ? g[i][j] * exposure / sum : 0.0;
          }
        }
        return Competition.dense(g);
      }
      default:
        throw new IllegalArgumentException("kind " + spec.kind());
    }
  }

  /**
   * A large federation for benchmarks ({@code n} up to 10^6 and more): uniform or segment competition
   * built by index, no per-organization id lookups in the competition.
   */
  public static RoundGame large(long seed, int n, Kind kind, double gammaBar, double theta) {
    RandomGenerator r = new java.util.SplittableRandom(seed);
    List<Organization> orgs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      orgs.add(organization("org" + i, r, 1.5, 0.5));
    }
    CompetitionStructure s;
    if (kind == Kind.UNIFORM) {
      s = CompetitionStructure.uniform(n, gammaBar);
    } else if (kind == Kind.SEGMENTS) {
      int segs = Math.max(1, (int) Math.round(Math.sqrt(n) / 2));
      int[] seg = new int[n];
      for (int i = 0; i < n; i++) {
        seg[i] = r.nextInt(segs);
      }
      s = CompetitionStructure.segments(seg, 0.8 * gammaBar, 0.2 * gammaBar);
    } else if (kind == Kind.NONE) {
      s = CompetitionStructure.none(n);
    } else {
      throw new InvalidModelException("kind", kind, "large games support NONE, UNIFORM and SEGMENTS");
    }
    return RoundGame.builder().organizations(orgs).competitionStructure(s).theta(theta)
        .performance(ScalingLawModel.defaults(10)).build();
  }

  static double logUniform(RandomGenerator r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }
}
