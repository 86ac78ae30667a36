package io.cocogen.api.json;

import io.cocogen.api.InvalidModelException;

/**
 * A scenario document that is not well-formed: malformed JSON, a wrong or missing schema, unknown or
 * missing fields, or a value of the wrong JSON type. Model constraints (ranges, ids) are reported as a
 * plain {@link InvalidModelException}; catching that type covers both.
 */
public class ScenarioFormatException extends InvalidModelException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;

  public ScenarioFormatException(String field, Object value, String problem) {
    super(field, value, problem);
    this.line = -1;
    this.column = -1;
  }

  public ScenarioFormatException(String field, String problem) {
    super(field, problem);
    this.line = -1;
    this.column = -1;
  }

  /** A JSON syntax error at a known position of the document; the message states the position. */
  public ScenarioFormatException(String field, String problem, int line, int column) {
    super(field, problem + " (line " + line + ", column " + column + ")");
    this.line = line;
    this.column = column;
  }

  /** A JSON syntax error about one token (e.g. a bare {@code NaN}) at a known position. */
  public ScenarioFormatException(String field, Object value, String problem, int line, int column) {
    super(field, value, problem + " (line " + line + ", column " + column + ")");
    this.line = line;
    this.column = column;
  }

  /** 1-based line of a syntax error, or -1 when the problem is not tied to a position. */
  public int line() {
    return line;
  }

  /** 1-based column of a syntax error, or -1 when the problem is not tied to a position. */
  public int column() {
    return column;
  }
}
