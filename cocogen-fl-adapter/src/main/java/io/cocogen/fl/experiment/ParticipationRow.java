package io.cocogen.fl.experiment;

import java.util.List;

/**
 * One round of the multi-round coordinated run (CoCoGen+ through the coordinator, per-round plans,
 * measured settlement and participation decisions).
 *
 * @param alpha Dirichlet concentration
 * @param gammaBar competition exposure
 * @param round round number
 * @param participants ids that took part
 * @param leaving ids that leave for the next round
 * @param totalSynthetic synthetic samples generated this round
 * @param testAccuracy global model accuracy after the round
 * @param measuredWelfare settlement's measured welfare
 * @param transferSum settlement's transfer sum (0 when balanced)
 * @param calibrationRSquared R² of the coordinator's fit after the round
 */
public record ParticipationRow(double alpha, double gammaBar, int round, List<String> participants,
    List<String> leaving, long totalSynthetic, double testAccuracy, double measuredWelfare, double transferSum,
    double calibrationRSquared) {}
