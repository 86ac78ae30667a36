package io.cocogen.incentive;

import io.cocogen.solver.Certificate;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import io.cocogen.solver.WelfareOptimum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CoCoGen+ payoff redistribution of one round (MODEL.md §8): per-unit subsidies {@code σ}, lump-sum
 * fees {@code F}, net transfers {@code τ} and payoffs {@code π}, with the properties every result reports.
 *
 * @param state OPTIMAL when the equilibrium, the plan and the plan's certificate under transfers are all
 *     certified and the budget balances; APPROXIMATE otherwise (FAILED if a solve failed)
 * @param rule the surplus-sharing rule
 * @param ids organization ids
 * @param plan {@code s^SO}, the plan the transfers implement
 * @param nash {@code s^NE}, the equilibrium without transfers
 * @param subsidies {@code σ_i}
 * @param fees {@code F_i}
 * @param transfers {@code τ_i = σ_i s_i^SO − F_i}
 * @param payoffs {@code π_i}
 * @param shares {@code λ_i}
 * @param surplus {@code ΔSW = SW(s^SO) − SW(s^NE)}
 * @param budgetImbalance {@code |Σ τ_i|}
 * @param relativeImbalance {@code |Σ τ_i| / (1 + Σ |τ_i|)}
 * @param planCertificate the §5 certificate of {@code s^SO} in the game with transfers
 * @param minGainOverNash {@code min_i (π_i − U_i(s^NE))}
 * @param outsideOptions {@code o_i = v({i})}, or null when not computed
 * @param participationViolations ids with {@code π_i < o_i}
 * @param settlements per organization, readable
 * @param equilibrium the Nash solve
 * @param optimum the welfare solve
 * @param message how the result was obtained
 */
public record Redistribution(SolveState state, SharingRule rule, String[] ids, double[] plan, double[] nash,
    double[] subsidies, double[] fees, double[] transfers, double[] payoffs, double[] shares, double surplus,
    double budgetImbalance, double relativeImbalance, Certificate planCertificate, double minGainOverNash,
    double[] outsideOptions, List<String> participationViolations, List<OrganizationSettlement> settlements,
    Equilibrium equilibrium, WelfareOptimum optimum, String message) {

  /** Values keyed by organization id. */
  public Map<String, Double> byId(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], values[i]);
    }
    return m;
  }

  /** Ids of organizations whose payoff falls below the Nash utility (must be empty). */
  public List<String> worseOffThanNash() {
    List<String> out = new ArrayList<>();
    for (OrganizationSettlement s : settlements) {
      if (s.payoff() < s.utilityAtNash() - 1e-9 * (1 + Math.abs(s.utilityAtNash()))) {
        out.add(s.id());
      }
    }
    return out;
  }

  /** Welfare at the plan. */
  public double planWelfare() {
    double t = 0;
    for (double p : payoffs) {
      t += p;
    }
    return t;
  }
}
