package io.cocogen.fl.ledger;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Child process of the crash test: appends records to a ledger forever and prints {@code ACK <round>}
 * after each append has returned (that is, after {@code force(true)}), until it is killed.
 */
public final class LedgerWriterMain {
  private LedgerWriterMain() {}

  /** The payload of {@code round}: deterministic bytes, a few hundred KiB so kills often land mid-record. */
  static byte[] payload(long round, int baseBytes) {
    byte[] b = new byte[baseBytes + (int) (round % 7) * 1013];
    new SplittableRandom(round * 7919 + 13).nextBytes(b);
    return b;
  }

  public static void main(String[] args) throws Exception {
    Path path = Path.of(args[0]);
    int base = Integer.parseInt(args[1]);
    try (DurableLedger ledger = DurableLedger.open(path)) {
      System.out.println("OPEN " + ledger.recoveryReport().validRecords() + " " + ledger.recoveryReport().problem());
      System.out.flush();
      long round = ledger.lastRound() + 1;
      byte[] next = payload(round, base);
      while (true) {
        ledger.append(round, next);
        // Prepare the next record before acknowledging, so a kill right after an acknowledgement lands
        // inside the next append.
        next = payload(round + 1, base);
        System.out.println("ACK " + round);
        System.out.flush();
        round++;
      }
    }
  }
}
