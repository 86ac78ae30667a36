package io.cocogen.api;

/**
 * How a rival's gain turns into my loss (MODEL.md §1): {@code θ = 0} rival gain, {@code θ = 1} relative
 * standing, anything in between mixes the two.
 *
 * @param theta {@code θ ∈ [0,1]}
 */
public record CompetitionModel(double theta) {
  public static final CompetitionModel RIVAL_GAIN = new CompetitionModel(0);
  public static final CompetitionModel RELATIVE_STANDING = new CompetitionModel(1);

  public CompetitionModel {
    Checks.inClosed("competition.theta", theta, 0, 1);
  }
}
