package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One round in the {@link Ledger} (MODEL.md §10): who took part, the plan, what was played, and the money.
 * Plain data (ints, doubles, strings, arrays aligned with {@code participants}) so it serialises as is;
 * arrays are copied in and out, so a record cannot be changed after it is made.
 *
 * @param round round number ({@code ≥ 0}); a ledger needs them strictly increasing
 * @param scheme the incentive scheme's name (e.g. {@code COCOGEN_PLUS})
 * @param participants organization ids, unique
 * @param plan recommended synthetic samples {@code s_i} (the welfare plan under CoCoGen+, the equilibrium otherwise)
 * @param actions synthetic samples actually generated
 * @param utilities {@code U_i} at the actions, before transfers
 * @param transfers net transfers {@code τ_i} received (negative: paid)
 * @param payoffs {@code π_i = U_i + τ_i}
 * @param welfare the round's welfare among the participants
 */
public record RoundRecord(int round, String scheme, String[] participants, double[] plan, double[] actions,
    double[] utilities, double[] transfers, double[] payoffs, double welfare) {

  public RoundRecord {
    if (round < 0) {
      throw new InvalidModelException("round", round, "must be >= 0");
    }
    if (scheme == null || scheme.isBlank()) {
      throw new InvalidModelException("scheme", scheme, "must be a non-blank name");
    }
    if (participants == null) {
      throw new InvalidModelException("participants", "is required");
    }
    participants = participants.clone();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < participants.length; i++) {
      if (participants[i] == null || participants[i].isBlank()) {
        throw new InvalidModelException("participants[" + i + "]", participants[i], "must be a non-blank id");
      }
      if (!seen.add(participants[i])) {
        throw new InvalidModelException("participants[" + i + "]", participants[i], "duplicate id");
      }
    }
    int n = participants.length;
    plan = column("plan", plan, n);
    actions = column("actions", actions, n);
    utilities = column("utilities", utilities, n);
    transfers = column("transfers", transfers, n);
    payoffs = column("payoffs", payoffs, n);
    if (!Double.isFinite(welfare)) {
      throw new InvalidModelException("welfare", welfare, "must be finite");
    }
  }

  private static double[] column(String field, double[] v, int n) {
    if (v == null) {
      throw new InvalidModelException(field, "is required");
    }
    if (v.length != n) {
      throw new InvalidModelException(field, v.length, "length must equal the number of participants " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(v[i])) {
        throw new InvalidModelException(field + "[" + i + "]", v[i], "must be finite");
      }
    }
    return v.clone();
  }

  /** The record of one round played under a mechanism. */
  public static RoundRecord of(int round, MechanismOutcome outcome) {
    double[] plan = outcome.redistribution() != null ? outcome.redistribution().plan() : outcome.synthetic();
    return new RoundRecord(round, outcome.scheme().name(), outcome.ids(), plan, outcome.synthetic(),
        outcome.utilities(), outcome.transfers(), outcome.payoffs(), outcome.welfare());
  }

  @Override public String[] participants() { return participants.clone(); }
  @Override public double[] plan() { return plan.clone(); }
  @Override public double[] actions() { return actions.clone(); }
  @Override public double[] utilities() { return utilities.clone(); }
  @Override public double[] transfers() { return transfers.clone(); }
  @Override public double[] payoffs() { return payoffs.clone(); }

  public int size() {
    return participants.length;
  }

  /** {@code Σ τ_i}: zero up to rounding for a budget-balanced scheme. */
  public double transferSum() {
    double t = 0;
    for (double v : transfers) {
      t += v;
    }
    return t;
  }

  /** Transfers keyed by id, in participant order. */
  public Map<String, Double> transfersById() {
    return byId(transfers);
  }

  /** Payoffs keyed by id, in participant order. */
  public Map<String, Double> payoffsById() {
    return byId(payoffs);
  }

  private Map<String, Double> byId(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < participants.length; i++) {
      m.put(participants[i], values[i]);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoundRecord r && round == r.round && scheme.equals(r.scheme)
        && Arrays.equals(participants, r.participants) && Arrays.equals(plan, r.plan)
        && Arrays.equals(actions, r.actions) && Arrays.equals(utilities, r.utilities)
        && Arrays.equals(transfers, r.transfers) && Arrays.equals(payoffs, r.payoffs)
        && Double.compare(welfare, r.welfare) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(round, scheme, Arrays.hashCode(participants), Arrays.hashCode(plan), Arrays.hashCode(actions),
        Arrays.hashCode(utilities), Arrays.hashCode(transfers), Arrays.hashCode(payoffs), welfare);
  }

  @Override
  public String toString() {
    return "RoundRecord[round=" + round + ", scheme=" + scheme + ", participants=" + Arrays.toString(participants)
        + ", welfare=" + welfare + ", transfers=" + Arrays.toString(transfers) + "]";
  }
}
