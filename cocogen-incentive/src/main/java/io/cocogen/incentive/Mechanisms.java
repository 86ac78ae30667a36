package io.cocogen.incentive;

import io.cocogen.api.RoundGame;
import io.cocogen.solver.BestResponseSolver;
import io.cocogen.solver.Certificate;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.PayoffAdjustment;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.Stakes;

/** Plays one round under an {@link IncentiveScheme}. */
public final class Mechanisms {
  private Mechanisms() {}

  public static MechanismOutcome play(RoundGame game, IncentiveScheme scheme, SolverOptions options) {
    return switch (scheme) {
      case NONE -> none(game, options);
      case MARGINAL_CONTRIBUTION -> marginalContribution(game, options);
      case COCOGEN_PLUS -> cocogenPlus(game, SharingRule.CONTRIBUTION_AND_DEGRADATION, options);
    };
  }

  static MechanismOutcome none(RoundGame game, SolverOptions options) {
    Equilibrium e = CocogenSolver.equilibrium(game, options);
    return new MechanismOutcome(IncentiveScheme.NONE, e.ids(), e.synthetic(), e.utilities(), new double[game.size()],
        e.utilities().clone(), e.welfare(), e.state(), e.certificate(), null);
  }

  /** CoCoGen+ with a given sharing rule (SHAPLEY computes the surplus-game Shapley values itself). */
  public static MechanismOutcome cocogenPlus(RoundGame game, SharingRule rule, SolverOptions options) {
    Redistribution r = RedistributionMechanism.compute(game, rule, options, null, false);
    return fromRedistribution(game, r);
  }

  /** CoCoGen+ sharing the surplus by the given Shapley values. */
  public static MechanismOutcome cocogenPlus(RoundGame game, SolverOptions options, double[] shapley) {
    Redistribution r = RedistributionMechanism.compute(game, SharingRule.SHAPLEY, options, shapley, false);
    return fromRedistribution(game, r);
  }

  private static MechanismOutcome fromRedistribution(RoundGame game, Redistribution r) {
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[game.size()];
    game.utilities(r.plan(), u, ws);
    return new MechanismOutcome(IncentiveScheme.COCOGEN_PLUS, r.ids(), r.plan(), u, r.transfers(), r.payoffs(),
        game.welfare(r.plan(), ws), r.state(), r.planCertificate(), r);
  }

  /**
   * The contribution-based baseline: {@code t_i(s) = contribution_i(s) − (1/n)Σ_k contribution_k(s)} with
   * {@code contribution_k(s) = (Σ_{j≠k} ρ_j)[G(s) − G(0_k, s_−k)]}, evaluated at the played profile. The
   * transfers sum to zero by construction. Not a potential game: general path plus certificate.
   * Cost O(n) per payoff evaluation, so O(n²) per sweep: meant for federations of tens to hundreds.
   */
  static MechanismOutcome marginalContribution(RoundGame game, SolverOptions options) {
    PayoffAdjustment adj = new MarginalContributionTransfer(game);
    Equilibrium start = CocogenSolver.equilibrium(game, options);
    SolverOptions o = options.withWarmStart(start.synthetic()).withMaxIterations(Math.min(options.maxIterations(), 300));
    Equilibrium e = new BestResponseSolver().solve(game, Stakes.nash(game), adj, o);
    double[] s = e.synthetic();
    int n = game.size();
    double[] z = new double[game.dimension()];
    game.aggregates(s, z);
    double[] t = new double[n];
    double[] pay = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = adj.value(i, s[i], s, z);
      pay[i] = e.utilities()[i] + t[i];
    }
    Certificate c = e.certificate();
    return new MechanismOutcome(IncentiveScheme.MARGINAL_CONTRIBUTION, e.ids(), s, e.utilities(), t, pay, e.welfare(),
        e.state(), c, null);
  }

  /** The marginal-contribution transfer as a payoff adjustment. */
  static final class MarginalContributionTransfer implements PayoffAdjustment {
    private final RoundGame game;
    private final double[] rho;
    private final double rhoTotal;
    private final double[] zx;
    private final double[] zk;

    MarginalContributionTransfer(RoundGame game) {
      this.game = game;
      this.rho = game.federation().marketValue();
      double t = 0;
      for (double v : rho) {
        t += v;
      }
      this.rhoTotal = t;
      this.zx = new double[game.dimension()];
      this.zk = new double[game.dimension()];
    }

    @Override
    public double value(int i, double x, double[] s, double[] z) {
      int n = game.size();
      int m = game.dimension();
      double[] a = game.coefficients();
      for (int k = 0; k < m; k++) {
        zx[k] = z[k] + a[i * m + k] * (x - s[i]);
      }
      double g = game.performance().commonGain(zx);
      double mine = 0;
      double sum = 0;
      for (int k = 0; k < n; k++) {
        double sk = k == i ? x : s[k];
        for (int l = 0; l < m; l++) {
          zk[l] = zx[l] - a[k * m + l] * sk;
        }
        double c = (rhoTotal - rho[k]) * (g - game.performance().commonGain(zk));
        sum += c;
        if (k == i) {
          mine = c;
        }
      }
      return mine - sum / n;
    }
  }
}
