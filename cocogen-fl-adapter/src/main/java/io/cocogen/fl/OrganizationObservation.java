package io.cocogen.fl;

import io.cocogen.api.InvalidModelException;

/**
 * What was observed for one organization after a round.
 *
 * @param id organization id
 * @param generated synthetic samples it actually generated and trained on ({@code ≥ 0}; may differ from
 *     its instruction, and it is settled on this number)
 * @param loss the measured loss of the model it uses, on the target distribution (the quantity the
 *     scaling law predicts), finite
 * @param accuracy measured accuracy in {@code [0, 1]}, or NaN when not measured
 */
public record OrganizationObservation(String id, int generated, double loss, double accuracy) {

  public OrganizationObservation {
    if (id == null || id.isBlank()) {
      throw new InvalidModelException("observations.id", id, "must be a non-blank organization id");
    }
    if (generated < 0) {
      throw new InvalidModelException("observations[" + id + "].generated", generated, "must be >= 0");
    }
    if (!Double.isFinite(loss)) {
      throw new InvalidModelException("observations[" + id + "].loss", loss, "must be finite");
    }
    if (!Double.isNaN(accuracy) && !(accuracy >= 0 && accuracy <= 1)) {
      throw new InvalidModelException("observations[" + id + "].accuracy", accuracy, "must be in [0, 1] or NaN");
    }
  }
}
