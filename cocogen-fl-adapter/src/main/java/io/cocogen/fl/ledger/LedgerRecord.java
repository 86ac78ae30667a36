package io.cocogen.fl.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One durable record of the ledger: the round it settles and its payload (the coordinator stores one
 * JSON document per settled round).
 *
 * @param round the settled round, strictly increasing along the file
 * @param offset byte offset of the record in the file
 * @param payload the record's bytes, as appended
 */
public record LedgerRecord(long round, long offset, byte[] payload) {

  public LedgerRecord {
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload as UTF-8 text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerRecord r && r.round == round && r.offset == offset && Arrays.equals(r.payload, payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(round) * 31 + Long.hashCode(offset) * 17 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "LedgerRecord[round=" + round + ", offset=" + offset + ", bytes=" + payload.length + "]";
  }
}
