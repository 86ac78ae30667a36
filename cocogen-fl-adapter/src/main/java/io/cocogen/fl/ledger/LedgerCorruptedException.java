package io.cocogen.fl.ledger;

import java.io.IOException;

/** The ledger file is damaged in a way that appending cannot repair (valid records after the damage). */
public class LedgerCorruptedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient RecoveryReport report;

  public LedgerCorruptedException(String message, RecoveryReport report) {
    super(message);
    this.report = report;
  }

  /** What recovery found. */
  public RecoveryReport report() {
    return report;
  }
}
