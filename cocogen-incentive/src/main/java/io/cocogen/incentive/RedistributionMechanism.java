package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import io.cocogen.api.RoundGame;
import io.cocogen.solver.Certificate;
import io.cocogen.solver.Certifier;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.Stakes;
import io.cocogen.solver.WelfareOptimizer;
import io.cocogen.solver.WelfareOptimum;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the CoCoGen+ redistribution (MODEL.md §8): subsidies that make the welfare-optimal plan the
 * organizations' own equilibrium, fees that balance the budget exactly, and a sharing of the surplus that
 * leaves nobody below its equilibrium utility.
 */
public final class RedistributionMechanism {
  private RedistributionMechanism() {}

  /** With the default rule and options, outside options included. */
  public static Redistribution compute(RoundGame game) {
    return compute(game, SharingRule.CONTRIBUTION_AND_DEGRADATION, SolverOptions.DEFAULT, null, true);
  }

  public static Redistribution compute(RoundGame game, SharingRule rule, SolverOptions options) {
    return compute(game, rule, options, null, true);
  }

  /**
   * @param shapley Shapley values of the surplus game for {@link SharingRule#SHAPLEY}, or null to compute
   *     them ({@link ShapleyValues#surplusValues}: exact up to 20 organizations, sampled above); ignored for
   *     other rules
   * @param outsideOptions whether to compute {@code o_i = v({i})} (n singleton solves)
   */
  public static Redistribution compute(RoundGame game, SharingRule rule, SolverOptions options, double[] shapley,
      boolean outsideOptions) {
    Equilibrium ne = CocogenSolver.equilibrium(game, options);
    WelfareOptimum so = WelfareOptimizer.optimize(game, options);
    return compute(game, rule, options, ne, so, shapley, outsideOptions);
  }

  /** From already solved equilibrium and optimum (e.g. warm-started by the caller). */
  public static Redistribution compute(RoundGame game, SharingRule rule, SolverOptions options, Equilibrium ne,
      WelfareOptimum so, double[] shapley, boolean outsideOptions) {
    int n = game.size();
    int m = game.dimension();
    StringBuilder msg = new StringBuilder();
    if (ne.state() == SolveState.FAILED || so.state() == SolveState.FAILED) {
      throw new IllegalStateException("cannot redistribute: equilibrium " + ne.state() + ", optimum " + so.state()
          + " (" + ne.message() + "; " + so.message() + ")");
    }
    double[] plan = so.synthetic().clone();
    double swPlan = so.welfare();
    if (so.welfare() < ne.welfare()) {
      // The optimiser's point is worse than the equilibrium (non-concave welfare): implement the better one.
      plan = ne.synthetic().clone();
      swPlan = ne.welfare();
      msg.append("welfare optimum not found (best point below the equilibrium); plan = equilibrium. ");
    }
    RoundGame.Workspace ws = game.newWorkspace();
    double[] uPlan = new double[n];
    double[] uNash = new double[n];
    game.utilities(plan, uPlan, ws);
    game.utilities(ne.synthetic(), uNash, ws);
    double surplus = swPlan - ne.welfare();

    // Step 1: subsidies at the plan.
    double[] z = new double[m];
    game.aggregates(plan, z);
    double[] lambda = new double[m];
    game.performance().commonGradient(z, lambda);
    double gPlan = game.performance().commonGain(z);
    double[] a = game.coefficients();
    double[] w = game.commonStakes();
    double[] b = game.privateStakes();
    double[] bw = game.welfarePrivateWeights();
    double wTotal = game.totalCommonStake();
    double[] sigma = new double[n];
    double[] reward = new double[n];
    double[] tax = new double[n];
    for (int i = 0; i < n; i++) {
      double p = 0;
      for (int k = 0; k < m; k++) {
        p += lambda[k] * a[i * m + k];
      }
      double r = (wTotal - w[i]) * p;
      double t = (bw[i] - b[i]) * game.performance().privateSlope(i, plan[i]);
      sigma[i] = r + t;
      reward[i] = r * plan[i];
      tax[i] = t * plan[i];
    }

    // Step 3: contributions, degradations, shares.
    double[] rho = game.federation().marketValue();
    double rhoTotal = 0;
    for (double v : rho) {
      rhoTotal += v;
    }
    double[] contribution = new double[n];
    double[] zi = new double[m];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < m; k++) {
        zi[k] = z[k] - a[i * m + k] * plan[i];
      }
      contribution[i] = (rhoTotal - rho[i]) * (gPlan - game.performance().commonGain(zi));
    }
    double[] kPlan = new double[n];
    double[] kNash = new double[n];
    game.competitionLosses(plan, kPlan, ws);
    game.competitionLosses(ne.synthetic(), kNash, ws);
    double[] degradation = new double[n];
    for (int i = 0; i < n; i++) {
      degradation[i] = Math.max(0.0, kPlan[i] - kNash[i]);
    }
    if (rule == SharingRule.SHAPLEY && shapley == null) {
      shapley = ShapleyValues.surplusValues(game, options);
      msg.append(n <= ShapleyValues.EXACT_SHARING_LIMIT ? "exact" : "sampled")
          .append(" Shapley values of the surplus game; ");
    }
    double[] shares = shares(rule, contribution, degradation, shapley, n);

    // Payoffs, fees, transfers.
    double[] payoff = new double[n];
    double[] fee = new double[n];
    double[] transfer = new double[n];
    double sumT = 0;
    double sumAbs = 0;
    double minGain = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      payoff[i] = uNash[i] + shares[i] * surplus;
      fee[i] = uPlan[i] + sigma[i] * plan[i] - payoff[i];
      transfer[i] = sigma[i] * plan[i] - fee[i];
      sumT += transfer[i];
      sumAbs += Math.abs(transfer[i]);
      minGain = Math.min(minGain, payoff[i] - uNash[i]);
    }
    double imbalance = Math.abs(sumT);
    double relImbalance = imbalance / (1 + sumAbs);

    // Incentive compatibility: the plan's certificate in the game with transfers (fees do not move it).
    Certificate cert = Certifier.certify(game, Stakes.nashWithSubsidies(game, sigma), null, plan, payoff);

    double[] outside = outsideOptions ? outsideOptions(game, options) : null;
    List<String> violations = new ArrayList<>();
    List<OrganizationSettlement> settlements = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double o = outside == null ? Double.NaN : outside[i];
      if (outside != null && payoff[i] < o) {
        violations.add(game.id(i));
      }
      settlements.add(new OrganizationSettlement(game.id(i), plan[i], ne.synthetic()[i], sigma[i], reward[i], tax[i],
          fee[i], transfer[i], uPlan[i], uNash[i], payoff[i], shares[i], contribution[i], degradation[i], o));
    }
    boolean certified = ne.state() == SolveState.OPTIMAL && so.state() == SolveState.OPTIMAL
        && cert.certifies(options.tolerance()) && relImbalance <= 1e-9;
    SolveState state = certified ? SolveState.OPTIMAL : SolveState.APPROXIMATE;
    msg.append("equilibrium ").append(ne.state()).append(", plan ").append(so.state())
        .append(", plan regret under transfers ").append(cert.maxRelativeRegret())
        .append(", budget imbalance ").append(imbalance);
    return new Redistribution(state, rule, game.federation().ids(), plan, ne.synthetic().clone(), sigma, fee,
        transfer, payoff, shares, surplus, imbalance, relImbalance, cert, minGain, outside, List.copyOf(violations),
        List.copyOf(settlements), ne, so, msg.toString());
  }

  static double[] shares(SharingRule rule, double[] contribution, double[] degradation, double[] shapley, int n) {
    double[] lam = new double[n];
    double total = 0;
    switch (rule) {
      case EQUAL:
        break;
      case CONTRIBUTION_AND_DEGRADATION:
        for (int i = 0; i < n; i++) {
          lam[i] = contribution[i] + degradation[i];
          total += lam[i];
        }
        break;
      case SHAPLEY:
        if (shapley == null) {
          throw new InvalidModelException("shapley", "the SHAPLEY rule needs the Shapley values of the surplus game");
        }
        if (shapley.length != n) {
          throw new InvalidModelException("shapley", shapley.length, "length must equal the number of organizations " + n);
        }
        for (int i = 0; i < n; i++) {
          if (!Double.isFinite(shapley[i])) {
            throw new InvalidModelException("shapley[" + i + "]", shapley[i], "must be finite");
          }
          lam[i] = Math.max(0.0, shapley[i]);
          total += lam[i];
        }
        break;
      default:
        throw new IllegalStateException(rule.toString());
    }
    if (!(total > 0)) {
      java.util.Arrays.fill(lam, 1.0 / n);
      return lam;
    }
    for (int i = 0; i < n; i++) {
      lam[i] /= total;
    }
    return lam;
  }

  /** {@code o_i = v({i})}: each organization alone, at its own optimum (= equilibrium when alone). */
  public static double[] outsideOptions(RoundGame game, SolverOptions options) {
    int n = game.size();
    double[] o = new double[n];
    int[] one = new int[1];
    for (int i = 0; i < n; i++) {
      one[0] = i;
      RoundGame solo = game.restrictTo(one);
      Equilibrium e = CocogenSolver.equilibrium(solo, options);
      o[i] = e.utilities()[0];
    }
    return o;
  }
}
