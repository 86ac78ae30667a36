package io.cocogen.api;

/** Argument checks that throw {@link InvalidModelException} naming the field and the value. */
public final class Checks {
  private Checks() {}

  public static double finite(String field, double v) {
    if (!Double.isFinite(v)) {
      throw new InvalidModelException(field, v, "must be a finite number");
    }
    return v;
  }

  public static double positive(String field, double v) {
    finite(field, v);
    if (!(v > 0)) {
      throw new InvalidModelException(field, v, "must be > 0");
    }
    return v;
  }

  public static double nonNegative(String field, double v) {
    finite(field, v);
    if (!(v >= 0)) {
      throw new InvalidModelException(field, v, "must be >= 0");
    }
    return v;
  }

  public static double inClosed(String field, double v, double lo, double hi) {
    finite(field, v);
    if (v < lo || v > hi) {
      throw new InvalidModelException(field, v, "must be in [" + lo + ", " + hi + "]");
    }
    return v;
  }

  public static double inHalfOpen(String field, double v, double lo, double hi) {
    finite(field, v);
    if (!(v > lo) || v > hi) {
      throw new InvalidModelException(field, v, "must be in (" + lo + ", " + hi + "]");
    }
    return v;
  }

  /** Checks that every entry of {@code v} is finite and >= 0. */
  public static double[] nonNegative(String field, double[] v) {
    if (v == null) {
      throw new InvalidModelException(field, "is required");
    }
    for (int k = 0; k < v.length; k++) {
      nonNegative(field + "[" + k + "]", v[k]);
    }
    return v;
  }

  public static void sameLength(String field, int actual, int expected) {
    if (actual != expected) {
      throw new InvalidModelException(field, actual, "has length " + actual + " but " + expected + " is expected");
    }
  }
}
