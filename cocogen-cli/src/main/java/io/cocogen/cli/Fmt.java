package io.cocogen.cli;

import java.util.Locale;

/** Number formatting for the readable tables (JSON output never goes through here). */
final class Fmt {
  private Fmt() {}

  /** Money, e.g. {@code 1,234.57}; scientific for very large or very small magnitudes. */
  static String money(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    double a = Math.abs(v);
    if (a >= 1e9 || (a < 1e-2 && a != 0)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%,.2f", v == 0 ? 0.0 : v);
  }

  /** A count of samples, e.g. {@code 12,345}. */
  static String samples(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    if (Math.abs(v) < 0.5) {
      return "0";
    }
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A ratio or a fraction, e.g. {@code 0.8312}. */
  static String ratio(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A small quantity such as a regret, e.g. {@code 3.1e-12}. */
  static String tiny(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.1e", v);
  }

  /** A generic number with four significant digits. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  /** A percentage, e.g. {@code +12.3%}. */
  static String percent(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
  }

  private static String special(double v) {
    return Double.isNaN(v) ? "n/a" : v > 0 ? "inf" : "-inf";
  }
}
