package io.cocogen.cli;

import io.cocogen.api.RoundGame;
import io.cocogen.incentive.Redistribution;
import io.cocogen.incentive.RedistributionMechanism;
import io.cocogen.incentive.SharingRule;
import io.cocogen.solver.Baselines;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.StrategyOutcome;
import io.cocogen.solver.WelfareOptimizer;
import io.cocogen.solver.WelfareOptimum;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything {@code solve} and {@code demo} report about one round: the certified equilibrium, the welfare
 * optimum, the baselines (VCFL, RaDG, WCO, NE) and the CoCoGen+ redistribution.
 *
 * @param game the round
 * @param options the solver options used
 * @param nash the Nash equilibrium
 * @param optimum the welfare optimum
 * @param baselines VCFL, RaDG, WCO and NE, in that order, under the true utilities
 * @param redistribution the CoCoGen+ redistribution, or null when the equilibrium or the optimum failed
 * @param redistributionError why there is no redistribution, or null
 * @param shapley the Shapley values used by the SHAPLEY rule, or null
 */
public record Analysis(RoundGame game, SolverOptions options, Equilibrium nash, WelfareOptimum optimum,
    Map<String, StrategyOutcome> baselines, Redistribution redistribution, String redistributionError,
    double[] shapley) {

  /** Steps {@link #run} reports to its progress reporter. */
  static final int STEPS = 5;

  /**
   * Solves the round.
   *
   * @param shapleyOf computes the Shapley values of the surplus game for the SHAPLEY rule (called only for
   *     that rule)
   */
  public static Analysis run(RoundGame game, SolverOptions options, SharingRule rule,
      Function<RoundGame, double[]> shapleyOf, Progress progress) {
    progress.update(0, STEPS, "equilibrium");
    Equilibrium ne = CocogenSolver.equilibrium(game, options);
    progress.step("welfare optimum");
    WelfareOptimum so = WelfareOptimizer.optimize(game, options);
    progress.step("baselines");
    Map<String, StrategyOutcome> baselines = new LinkedHashMap<>();
    baselines.put(Baselines.VCFL, Baselines.vcfl(game));
    baselines.put(Baselines.RADG, Baselines.radg(game, options.randomSeed()));
    baselines.put(Baselines.WCO, Baselines.wco(game, options));
    baselines.put(Baselines.NE, Baselines.evaluate(game, Baselines.NE, ne.synthetic(), ne.state()));
    progress.step(rule == SharingRule.SHAPLEY ? "Shapley values" : "redistribution");
    Redistribution r = null;
    String error = null;
    double[] shapley = null;
    if (ne.state() == SolveState.FAILED || so.state() == SolveState.FAILED) {
      error = "no redistribution: equilibrium " + ne.state() + ", optimum " + so.state();
    } else {
      if (rule == SharingRule.SHAPLEY) {
        shapley = shapleyOf.apply(game);
      }
      progress.step("redistribution and outside options");
      r = RedistributionMechanism.compute(game, rule, options, ne, so, shapley, true);
    }
    progress.update(STEPS, STEPS, "done");
    return new Analysis(game, options, ne, so, baselines, r, error, shapley);
  }

  /** {@code SW(NE)/SW(SO)}, NaN unless {@code SW(SO) > 0}. */
  public double efficiency() {
    return optimum.welfare() > 0 ? nash.welfare() / optimum.welfare() : Double.NaN;
  }

  /** {@code SW(SO)/SW(NE)}, NaN unless {@code SW(NE) > 0}. */
  public double priceOfAnarchy() {
    return optimum.priceOfAnarchy(nash);
  }
}
