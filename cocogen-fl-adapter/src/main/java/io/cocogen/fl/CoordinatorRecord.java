package io.cocogen.fl;

import io.cocogen.api.ScalingLawModel;
import io.cocogen.fl.calibration.CalibrationPoint;
import java.util.List;

/**
 * What the coordinator writes to its durable ledger for one settled round (one JSON document per
 * record), enough to resume after a restart.
 *
 * @param round the settled round
 * @param plan the plan that was settled
 * @param settlement the settlement
 * @param points the calibration observations this round added
 * @param model the performance model in force after the settlement
 * @param leftForGood organizations that have left for good, after this round
 * @param sittingOut organizations that sit out the next round
 */
public record CoordinatorRecord(int round, RoundPlan plan, RoundSettlement settlement, List<CalibrationPoint> points,
    ScalingLawModel model, List<String> leftForGood, List<String> sittingOut) {

  public CoordinatorRecord {
    points = List.copyOf(points);
    leftForGood = List.copyOf(leftForGood);
    sittingOut = List.copyOf(sittingOut);
  }
}
