package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.CoalitionSolver;
import io.cocogen.solver.SolveState;
import io.cocogen.solver.SolverOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-round participation (MODEL.md §10). Round {@code t} has a game over the whole federation (the
 * base game, changed from round to round by a {@link RoundUpdate}); the organizations that may take part
 * decide, and those inside play the round's game restricted to them under the mechanism compared.
 *
 * <p>Participation decision: an organization stays when its payoff inside, with the current set of
 * participants, is at least its outside option {@code o_i = v({i})} (alone, MODEL.md §9) up to a relative
 * tolerance. Starting from everybody eligible, the mechanism is played, the organization with the largest
 * relative shortfall {@code (o_i − π_i)/(1 + |o_i|)} leaves (ties: lowest index), and the rest play again,
 * until nobody falls short. One at a time, because one departure changes everybody else's payoff. Those
 * who leave either come back to be asked again next round ({@link Exit#FOR_THE_ROUND}) or never
 * ({@link Exit#FOR_GOOD}). Everything is deterministic.
 */
public final class ParticipationDynamics {
  private ParticipationDynamics() {}

  /** What leaving means. */
  public enum Exit {
    /** Outside for this round, asked again next round. */
    FOR_THE_ROUND,
    /** Outside for the rest of the run. */
    FOR_GOOD
  }

  /** The game of the next round, from the last round's game and outcome. */
  @FunctionalInterface
  public interface RoundUpdate {
    /**
     * @param round the round about to be played ({@code ≥ 1})
     * @param previous the previous round's game over the whole federation
     * @param outcome the previous round's outcome
     * @return the next round's game over the same organizations, in the same order
     */
    RoundGame next(int round, RoundGame previous, RoundOutcome outcome);

    /** The same game every round. */
    static RoundUpdate none() {
      return (round, previous, outcome) -> previous;
    }

    /**
     * Organizations keep {@code fraction} of the synthetic samples they generated as training data. The
     * samples are class-balanced (they fill label deficits, MODEL.md §11), so they add to the real data
     * and dilute its skew: {@code d_i ← d_i + f s_i}, {@code δ_i ← δ_i d_i/(d_i + f s_i)}. Participants
     * keep theirs; those outside keep what they generated alone when {@code outsiders} is set. A label
     * histogram, rescaled to {@code d_i} samples, gets the added samples spread by the target distribution.
     */
    static RoundUpdate growRealSamples(double fraction, boolean outsiders) {
      if (!(fraction >= 0) || !Double.isFinite(fraction)) {
        throw new InvalidModelException("fraction", fraction, "must be a finite number >= 0");
      }
      return (round, previous, outcome) -> {
        List<Organization> orgs = previous.federation().organizations();
        List<Organization> next = new ArrayList<>(orgs.size());
        for (int i = 0; i < orgs.size(); i++) {
          Organization o = orgs.get(i);
          boolean grows = outcome.participating()[i] || outsiders;
          double added = grows ? fraction * outcome.synthetic()[i] : 0.0;
          double d = o.realSamples() + added;
          Double skew = o.skew() == null ? null : o.skew() * o.realSamples() / d;
          double[] histogram = o.labelHistogram();
          if (histogram != null && added > 0) {
            histogram = balancedAdd(histogram, o.realSamples(), added, previous.federation().targetDistribution());
          }
          next.add(new Organization(o.id(), d, histogram, skew, o.quality(), o.unitCost(),
              o.quadraticCost(), o.capacity(), o.marketValue()));
        }
        return previous.toBuilder().setOrganizations(next).build();
      };
    }
  }

  /** {@code h} rescaled to {@code d} samples plus {@code added} samples in proportion to the target. */
  static double[] balancedAdd(double[] h, double d, double added, double[] target) {
    double total = 0;
    for (double v : h) {
      total += v;
    }
    double[] out = new double[h.length];
    for (int k = 0; k < h.length; k++) {
      double p = target != null ? target[k] : 1.0 / h.length;
      out[k] = h[k] / total * d + added * p;
    }
    return out;
  }

  /**
   * @param rounds number of rounds {@code T ≥ 1}
   * @param exit what leaving means
   * @param tolerance relative tolerance of the participation test
   * @param options solver options of every solve
   * @param update how the game changes between rounds
   */
  public record Config(int rounds, Exit exit, double tolerance, SolverOptions options, RoundUpdate update) {
    public Config {
      if (rounds < 1) {
        throw new InvalidModelException("rounds", rounds, "must be >= 1");
      }
      if (exit == null) {
        throw new InvalidModelException("exit", "is required");
      }
      if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
        throw new InvalidModelException("tolerance", tolerance, "must be a finite number >= 0");
      }
      if (options == null) {
        throw new InvalidModelException("options", "is required");
      }
      if (update == null) {
        throw new InvalidModelException("update", "is required");
      }
    }

    /** {@code rounds} rounds of the same game, leaving for the round, tolerance 1e-9, default options. */
    public static Config of(int rounds) {
      return new Config(rounds, Exit.FOR_THE_ROUND, 1e-9, SolverOptions.DEFAULT, RoundUpdate.none());
    }

    public Config withExit(Exit e) {
      return new Config(rounds, e, tolerance, options, update);
    }

    public Config withUpdate(RoundUpdate u) {
      return new Config(rounds, exit, tolerance, options, u);
    }

    public Config withOptions(SolverOptions o) {
      return new Config(rounds, exit, tolerance, o, update);
    }

    public Config withTolerance(double t) {
      return new Config(rounds, exit, t, options, update);
    }
  }

  /** Each scheme's trajectory from the same base game, in the order given. */
  public static Map<IncentiveScheme, Trajectory> compare(RoundGame base, Config config, IncentiveScheme... schemes) {
    Map<IncentiveScheme, Trajectory> out = new LinkedHashMap<>();
    for (IncentiveScheme s : schemes) {
      out.put(s, run(base, s, config));
    }
    return out;
  }

  /** {@code config.rounds()} rounds under {@code scheme}. */
  public static Trajectory run(RoundGame base, IncentiveScheme scheme, Config config) {
    if (base == null) {
      throw new InvalidModelException("base", "is required");
    }
    if (scheme == null) {
      throw new InvalidModelException("scheme", "is required");
    }
    int n = base.size();
    String[] ids = base.federation().ids();
    boolean[] eligible = new boolean[n];
    Arrays.fill(eligible, true);
    RoundGame game = base;
    List<RoundOutcome> rounds = new ArrayList<>(config.rounds());
    Ledger ledger = Ledger.empty();
    for (int t = 0; t < config.rounds(); t++) {
      if (t > 0) {
        RoundGame next = config.update().next(t, game, rounds.get(t - 1));
        checkSameOrganizations(ids, next, t);
        game = next;
      }
      Played p = playRound(game, scheme, eligible, config);
      RoundOutcome outcome = p.outcome(t, scheme, ids, eligible.clone());
      rounds.add(outcome);
      if (p.mechanism != null) {
        ledger = ledger.append(RoundRecord.of(t, p.mechanism));
      }
      if (config.exit() == Exit.FOR_GOOD) {
        for (int i = 0; i < n; i++) {
          eligible[i] &= outcome.participating()[i];
        }
      }
    }
    return new Trajectory(scheme, List.copyOf(rounds), ledger);
  }

  private static void checkSameOrganizations(String[] ids, RoundGame next, int round) {
    if (next == null) {
      throw new InvalidModelException("update", "returned no game for round " + round);
    }
    String[] got = next.federation().ids();
    if (!Arrays.equals(ids, got)) {
      throw new InvalidModelException("update", Arrays.toString(got), "round " + round
          + " must keep the organizations of the base game, in the same order: " + Arrays.toString(ids));
    }
  }

  /** The participation decisions and the final play of one round. */
  private static Played playRound(RoundGame game, IncentiveScheme scheme, boolean[] eligible, Config config) {
    int n = game.size();
    double[] outside = new double[n];
    double[] soloAction = new double[n];
    alone(game, config.options(), outside, soloAction);
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        members.add(i);
      }
    }
    List<String> exits = new ArrayList<>();
    MechanismOutcome played = null;
    int[] idx = new int[0];
    while (!members.isEmpty()) {
      idx = members.stream().mapToInt(Integer::intValue).toArray();
      RoundGame sub = idx.length == n ? game : game.restrictTo(idx);
      played = Mechanisms.play(sub, scheme, config.options());
      int worst = -1;
      double worstShort = 0;
      for (int t = 0; t < idx.length; t++) {
        double o = outside[idx[t]];
        double shortfall = (o - played.payoffs()[t]) / (1 + Math.abs(o));
        if (shortfall > config.tolerance() && shortfall > worstShort) {
          worstShort = shortfall;
          worst = t;
        }
      }
      if (worst < 0) {
        break;
      }
      exits.add(game.id(idx[worst]));
      members.remove(worst);
      played = null;
    }
    if (members.isEmpty()) {
      idx = new int[0];
    }
    return new Played(game, idx, played, outside, soloAction, exits);
  }

  /** Each organization alone: its value {@code o_i = v({i})} and its action, by the lean coalition solver. */
  private static void alone(RoundGame game, SolverOptions options, double[] value, double[] action) {
    double[] one = new double[1];
    CoalitionSolver solver = new CoalitionSolver(game, options, false);
    for (int i = 0; i < game.size(); i++) {
      solver.clear();
      solver.push(i);
      one[0] = -1;
      value[i] = solver.solve(false, one);
      action[i] = one[0];
    }
  }

  private record Played(RoundGame game, int[] members, MechanismOutcome mechanism, double[] outside,
      double[] soloAction, List<String> exits) {

    RoundOutcome outcome(int round, IncentiveScheme scheme, String[] ids, boolean[] eligible) {
      int n = ids.length;
      boolean[] in = new boolean[n];
      double[] synthetic = soloAction.clone();
      double[] payoffs = outside.clone();
      double[] transfers = new double[n];
      double federation = 0;
      for (int t = 0; t < members.length; t++) {
        int i = members[t];
        in[i] = true;
        synthetic[i] = mechanism.synthetic()[t];
        payoffs[i] = mechanism.payoffs()[t];
        transfers[i] = mechanism.transfers()[t];
        federation += payoffs[i];
      }
      double total = federation;
      for (int i = 0; i < n; i++) {
        if (!in[i]) {
          total += outside[i];
        }
      }
      SolveState state = mechanism == null ? SolveState.OPTIMAL : mechanism.state();
      return new RoundOutcome(round, scheme, ids.clone(), in, eligible, synthetic, payoffs, transfers, outside.clone(),
          federation, total, List.copyOf(exits), state);
    }
  }
}
