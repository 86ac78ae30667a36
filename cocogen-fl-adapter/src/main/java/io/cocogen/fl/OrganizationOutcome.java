package io.cocogen.fl;

/**
 * How one participant fared in a settled round, from what was observed.
 *
 * @param id organization id
 * @param instructed {@code n_i}, what it was asked to generate
 * @param generated what it actually generated
 * @param compliant {@code generated == instructed}
 * @param loss observed loss
 * @param accuracy observed accuracy (NaN when not measured)
 * @param predictedLoss the loss the current model predicts at the actual profile
 * @param measuredGain {@code L_ref − loss}
 * @param cost {@code c_i(generated)}
 * @param competitionLoss {@code K_i = Σ_j γ_ij [ρ_j Ĝ_j − θ ρ_i Ĝ_i]} over the participants, measured gains
 * @param measuredUtility {@code ρ_i Ĝ_i − c_i − K_i}
 * @param subsidyRate {@code σ_i}
 * @param fee {@code F_i}
 * @param transfer {@code σ_i · generated − F_i}: settled on what it did
 * @param payoff {@code measuredUtility + transfer}
 * @param outsideOption {@code o_i} from the plan
 * @param staysNextRound the participation decision for the next round: {@code payoff ≥ o_i} (or the
 *     expected payoff, under {@link ParticipationRule#EXPECTED_PAYOFF})
 */
public record OrganizationOutcome(String id, int instructed, int generated, boolean compliant, double loss,
    double accuracy, double predictedLoss, double measuredGain, double cost, double competitionLoss,
    double measuredUtility, double subsidyRate, double fee, double transfer, double payoff, double outsideOption,
    boolean staysNextRound) {}
