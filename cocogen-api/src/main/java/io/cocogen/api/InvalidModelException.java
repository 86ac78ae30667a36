package io.cocogen.api;

/**
 * Bad input to the model: names the offending field and its value. Nothing is ever silently clamped.
 */
public class InvalidModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String value;

  public InvalidModelException(String field, Object value, String problem) {
    super(field + " = " + render(value) + ": " + problem);
    this.field = field;
    this.value = render(value);
  }

  /** For problems that have no single value (duplicates, empty federations). */
  public InvalidModelException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.value = null;
  }

  /** Dotted path of the offending field, e.g. {@code organizations[a].quality}. */
  public String field() {
    return field;
  }

  /** The rejected value as text, or null when the problem is not about one value. */
  public String value() {
    return value;
  }

  private static String render(Object v) {
    if (v instanceof double[] a) {
      return java.util.Arrays.toString(a);
    }
    return String.valueOf(v);
  }
}
