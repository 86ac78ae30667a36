package io.cocogen.solver;

import io.cocogen.api.Competition;
import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Comparative statics: solves a grid over one scenario parameter, in parallel across cores. The grid is
 * cut into fixed chunks of consecutive points, each point warm-started from the previous point of its
 * chunk, so the table does not depend on the number of workers.
 */
public final class Sweep {
  /** Points per warm-started chunk. */
  private static final int CHUNK = 8;

  private Sweep() {}

  /** Parameters a sweep can vary. */
  public enum Parameter {
    /** Every organization's total exposure, replacing the competition by uniform {@code γ̄}. */
    GAMMA_BAR("gammaBar"),
    /** Multiplies every {@code γ_ij}. */
    GAMMA_SCALE("gammaScale"),
    /** {@code θ}. */
    THETA("theta"),
    /** Multiplies every organization's skew (must stay within [0,1]). */
    SKEW_SCALE("skewScale"),
    /** Multiplies unit and quadratic costs. */
    COST_SCALE("costScale"),
    /** Multiplies market values. */
    VALUE_SCALE("valueScale"),
    /** Shared budget. */
    BUDGET("budget"),
    /** Number of organizations: the base organizations repeated cyclically. */
    N("n");

    private final String key;

    Parameter(String key) {
      this.key = key;
    }

    public String key() { return key; }

    /** Parses {@code gammaBar}, {@code gamma-bar}, {@code GAMMA_BAR}, ... */
    public static Parameter parse(String name) {
      String norm = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
      for (Parameter p : values()) {
        if (p.key.toLowerCase(Locale.ROOT).equals(norm)) {
          return p;
        }
      }
      throw new InvalidModelException("param", name, "unknown sweep parameter; expected one of "
          + Arrays.stream(values()).map(Parameter::key).toList());
    }
  }

  /** One grid point. */
  public record Row(double value, SolveState nashState, double nashWelfare, double optimumWelfare,
      SolveState optimumState, double efficiency, double priceOfAnarchy, double nashSynthetic,
      double optimumSynthetic, double vcflWelfare, double wcoWelfare, double maxRelativeRegret, int iterations) {}

  /** The table of a sweep. */
  public record Table(Parameter parameter, List<Row> rows) {
    public String toCsv() {
      StringBuilder b = new StringBuilder();
      b.append(parameter.key()).append(",nash_state,nash_welfare,optimum_welfare,optimum_state,efficiency,")
          .append("price_of_anarchy,nash_synthetic,optimum_synthetic,vcfl_welfare,wco_welfare,max_relative_regret,")
          .append("iterations\n");
      for (Row r : rows) {
        b.append(r.value()).append(',').append(r.nashState()).append(',').append(r.nashWelfare()).append(',')
            .append(r.optimumWelfare()).append(',').append(r.optimumState()).append(',').append(r.efficiency())
            .append(',').append(r.priceOfAnarchy()).append(',').append(r.nashSynthetic()).append(',')
            .append(r.optimumSynthetic()).append(',').append(r.vcflWelfare()).append(',').append(r.wcoWelfare())
            .append(',').append(r.maxRelativeRegret()).append(',').append(r.iterations()).append('\n');
      }
      return b.toString();
    }
  }

  /** Solves every grid point; rows come back in the order of {@code values}. */
  public static Table run(RoundGame base, Parameter parameter, double[] values, SolverOptions options) {
    return run(base, parameter, values, options, ForkJoinPool.commonPool().getParallelism());
  }

  /**
   * As {@link #run(RoundGame, Parameter, double[], SolverOptions)} with at most {@code workers} chunks
   * solved at a time. The table is the same, bit for bit, for every number of workers.
   */
  public static Table run(RoundGame base, Parameter parameter, double[] values, SolverOptions options, int workers) {
    if (values.length == 0) {
      throw new InvalidModelException("values", "a sweep needs at least one value");
    }
    Row[] rows = new Row[values.length];
    // Fixed chunks, independent of the worker count: warm starts chain only inside a chunk, so every
    // point sees the same start whatever the parallelism.
    int chunks = (values.length + CHUNK - 1) / CHUNK;
    int groups = Math.max(1, Math.min(workers, chunks));
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int first = g;
      tasks.add(ForkJoinPool.commonPool().submit(() -> {
        for (int c = first; c < chunks; c += groups) {
          double[] warm = null;
          for (int t = c * CHUNK; t < Math.min(values.length, (c + 1) * CHUNK); t++) {
            RoundGame game = vary(base, parameter, values[t]);
            SolverOptions o = warm != null && warm.length == game.size() ? options.withWarmStart(warm) : options;
            Point pt = point(game, values[t], o);
            rows[t] = pt.row();
            warm = game.isPotentialGame() ? pt.nash() : null;
          }
        }
      }));
    }
    for (ForkJoinTask<?> t : tasks) {
      t.join();
    }
    return new Table(parameter, List.of(rows));
  }

  private record Point(Row row, double[] nash) {}

  private static Point point(RoundGame g, double value, SolverOptions o) {
    Equilibrium ne = CocogenSolver.equilibrium(g, o);
    WelfareOptimum so = WelfareOptimizer.optimize(g, o.withWarmStart(null));
    StrategyOutcome vcfl = Baselines.vcfl(g);
    StrategyOutcome wco = Baselines.wco(g, o.withWarmStart(null));
    return new Point(new Row(value, ne.state(), ne.welfare(), so.welfare(), so.state(), so.efficiencyOf(ne),
        so.priceOfAnarchy(ne), ne.totalSynthetic(), so.totalSynthetic(), vcfl.welfare(), wco.welfare(),
        ne.certificate().maxRelativeRegret(), ne.iterations()), ne.synthetic());
  }

  /** The base game with one parameter changed. */
  public static RoundGame vary(RoundGame base, Parameter p, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidModelException(p.key(), value, "sweep values must be finite");
    }
    RoundGame.Builder b = base.toBuilder();
    List<Organization> orgs = base.federation().organizations();
    switch (p) {
      case GAMMA_BAR:
        return b.competition(Competition.uniform(value)).build();
      case GAMMA_SCALE:
        return base.withCompetition(base.competitionStructure().scaled(value));
      case THETA:
        return b.theta(value).build();
      case BUDGET:
        return b.budget(value).build();
      case SKEW_SCALE: {
        double[] skews = base.federation().skew();
        List<Organization> out = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
          Organization o = orgs.get(i);
          out.add(new Organization(o.id(), o.realSamples(), null, skews[i] * value, o.quality(), o.unitCost(),
              o.quadraticCost(), o.capacity(), o.marketValue()));
        }
        return withOrganizations(b, base, out);
      }
      case COST_SCALE: {
        List<Organization> out = new ArrayList<>();
        for (Organization o : orgs) {
          out.add(new Organization(o.id(), o.realSamples(), o.labelHistogram(), o.skew(), o.quality(),
              o.unitCost() * value, o.quadraticCost() * value, o.capacity(), o.marketValue()));
        }
        return withOrganizations(b, base, out);
      }
      case VALUE_SCALE: {
        List<Organization> out = new ArrayList<>();
        for (Organization o : orgs) {
          out.add(new Organization(o.id(), o.realSamples(), o.labelHistogram(), o.skew(), o.quality(), o.unitCost(),
              o.quadraticCost(), o.capacity(), o.marketValue() * value));
        }
        return withOrganizations(b, base, out);
      }
      case N:
        return replicate(base, value);
      default:
        throw new IllegalStateException(p.toString());
    }
  }

  private static RoundGame withOrganizations(RoundGame.Builder b, RoundGame base, List<Organization> out) {
    b.setOrganizations(out);
    if (base.competition() == null) {
      b.competitionStructure(base.competitionStructure());
    }
    return b.build();
  }

  private static RoundGame replicate(RoundGame base, double value) {
    int n = (int) value;
    if (n != value || n < 1) {
      throw new InvalidModelException("n", value, "must be a whole number >= 1");
    }
    Competition c = base.competition();
    List<Organization> orgs = base.federation().organizations();
    List<Organization> out = new ArrayList<>(n);
    Map<String, String> segOf = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Organization o = orgs.get(i % orgs.size());
      String id = i < orgs.size() ? o.id() : o.id() + "#" + (i / orgs.size());
      out.add(new Organization(id, o.realSamples(), o.labelHistogram(), o.skew(), o.quality(), o.unitCost(),
          o.quadraticCost(), o.capacity(), o.marketValue()));
      if (c instanceof Competition.Segments seg) {
        segOf.put(id, seg.of().get(o.id()));
      }
    }
    RoundGame.Builder b = base.toBuilder().setOrganizations(out);
    if (c instanceof Competition.Uniform || c instanceof Competition.None) {
      b.competition(c);
    } else if (c instanceof Competition.Segments seg) {
      b.competition(Competition.segments(segOf, seg.within(), seg.across()));
    } else {
      throw new InvalidModelException("param", "n",
          "an n sweep needs uniform, segment or no competition (sparse and dense name specific rivals)");
    }
    return b.build();
  }
}
