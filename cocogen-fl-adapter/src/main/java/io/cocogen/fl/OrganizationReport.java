package io.cocogen.fl;

import io.cocogen.api.InvalidModelException;

/**
 * What an organization tells the coordinator before a round: its current real data and whether it wants
 * to take part.
 *
 * @param id organization id, as configured in the coordinator
 * @param realSamples {@code d_i > 0}, current real training samples
 * @param labelHistogram current class counts of the real data, or null to keep the configured histogram
 *     or skew
 * @param participates whether the organization offers to take part in this round
 */
public record OrganizationReport(String id, double realSamples, double[] labelHistogram, boolean participates) {

  public OrganizationReport {
    if (id == null || id.isBlank()) {
      throw new InvalidModelException("reports.id", id, "must be a non-blank organization id");
    }
    if (!(realSamples > 0) || !Double.isFinite(realSamples)) {
      throw new InvalidModelException("reports[" + id + "].realSamples", realSamples, "must be finite and > 0");
    }
    if (labelHistogram != null) {
      labelHistogram = labelHistogram.clone();
      for (int k = 0; k < labelHistogram.length; k++) {
        if (!(labelHistogram[k] >= 0) || !Double.isFinite(labelHistogram[k])) {
          throw new InvalidModelException("reports[" + id + "].labelHistogram[" + k + "]", labelHistogram[k],
              "must be finite and >= 0");
        }
      }
    }
  }

  /** A participating organization whose real data have the class counts {@code histogram}. */
  public static OrganizationReport of(String id, int[] histogram) {
    double[] h = new double[histogram.length];
    double d = 0;
    for (int k = 0; k < h.length; k++) {
      h[k] = histogram[k];
      d += histogram[k];
    }
    return new OrganizationReport(id, d, h, true);
  }

  /** The same report with another participation wish. */
  public OrganizationReport withParticipation(boolean p) {
    return new OrganizationReport(id, realSamples, labelHistogram, p);
  }

  @Override
  public double[] labelHistogram() {
    return labelHistogram == null ? null : labelHistogram.clone();
  }
}
