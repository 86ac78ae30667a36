package io.cocogen.solver;

import io.cocogen.api.RoundGame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** The papers' comparison strategies (MODEL.md §7), all evaluated under the true utilities. */
public final class Baselines {
  public static final String VCFL = "VCFL";
  public static final String RADG = "RaDG";
  public static final String WCO = "WCO";
  public static final String NE = "NE";

  private Baselines() {}

  /** Vanilla cross-silo FL: nobody generates. */
  public static StrategyOutcome vcfl(RoundGame game) {
    return evaluate(game, VCFL, new double[game.size()], SolveState.OPTIMAL);
  }

  /**
   * Random data generation: {@code s_i ~ U[0, S_i]} from the seed; with a shared budget, a draw over it is
   * scaled down proportionally to fit.
   */
  public static StrategyOutcome radg(RoundGame game, long seed) {
    return radg(game, new SplittableRandom(seed));
  }

  public static StrategyOutcome radg(RoundGame game, RandomGenerator random) {
    double[] cap = game.capacity();
    double[] s = new double[game.size()];
    double total = 0;
    for (int i = 0; i < s.length; i++) {
      s[i] = random.nextDouble() * cap[i];
      total += s[i];
    }
    if (game.hasBudget() && total > game.budget()) {
      // The scaled total can round one ulp above the budget: step the factor down until it fits.
      double f = game.budget() / total;
      for (int k = 0; k < 64 && scaledTotal(s, f) > game.budget(); k++) {
        f = Math.nextDown(f);
      }
      for (int i = 0; i < s.length; i++) {
        s[i] *= f;
      }
    }
    return evaluate(game, RADG, s, SolveState.OPTIMAL);
  }

  private static double scaledTotal(double[] s, double f) {
    double total = 0;
    for (double v : s) {
      total += v * f;
    }
    return total;
  }

  /** Without competition: the equilibrium of the game with every {@code γ = 0}, played in the true game. */
  public static StrategyOutcome wco(RoundGame game, SolverOptions options) {
    Equilibrium e = CocogenSolver.equilibrium(game.withoutCompetition(), options);
    return evaluate(game, WCO, e.synthetic(), e.state());
  }

  /** The CoCoGen equilibrium, no transfers. */
  public static StrategyOutcome nash(RoundGame game, SolverOptions options) {
    Equilibrium e = CocogenSolver.equilibrium(game, options);
    return evaluate(game, NE, e.synthetic(), e.state());
  }

  /** VCFL, RaDG, WCO and NE, in that order. */
  public static Map<String, StrategyOutcome> all(RoundGame game, SolverOptions options) {
    Map<String, StrategyOutcome> m = new LinkedHashMap<>();
    m.put(VCFL, vcfl(game));
    m.put(RADG, radg(game, options.randomSeed()));
    m.put(WCO, wco(game, options));
    m.put(NE, nash(game, options));
    return m;
  }

  /** A profile under the true utilities of {@code game}. */
  public static StrategyOutcome evaluate(RoundGame game, String name, double[] s, SolveState state) {
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[game.size()];
    game.utilities(s, u, ws);
    return new StrategyOutcome(name, game.federation().ids(), s.clone(), u, game.welfare(s, ws), state);
  }
}
