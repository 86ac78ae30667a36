package io.cocogen.fl.ledger;

import java.nio.file.Path;

/**
 * What opening (recovering) a ledger file found: the valid prefix of records and, if the file does not
 * end cleanly, where the damage starts and how many bytes after it are not used.
 *
 * @param path the ledger file
 * @param validRecords number of records that passed every check, in file order
 * @param lastRound round of the last valid record, or −1 when there is none
 * @param validBytes length of the valid prefix (the file is truncated to this before the next append)
 * @param fileBytes length of the file as found
 * @param problem what is wrong with the first byte after the valid prefix ({@link Problem#NONE} when the
 *     file ends cleanly)
 * @param discardedOffset offset of the first unusable byte ({@code = validBytes}); equal to
 *     {@code fileBytes} when nothing is discarded
 * @param discardedBytes {@code fileBytes − validBytes}
 * @param validRecordsAfterDamage records with a valid checksum found after the damage: more than 0 means
 *     the file was damaged in the middle, not merely torn at the end, and the ledger refuses to append
 *     (repair by hand)
 * @param detail a readable description
 */
public record RecoveryReport(Path path, int validRecords, long lastRound, long validBytes, long fileBytes,
    Problem problem, long discardedOffset, long discardedBytes, int validRecordsAfterDamage, String detail) {

  /** What stopped the scan. */
  public enum Problem {
    /** The file ends exactly after the last valid record. */
    NONE,
    /** Fewer bytes than a record header remain: a write was cut short. */
    TORN_HEADER,
    /** The header is complete but the payload or the checksum is cut short. */
    TORN_RECORD,
    /** The bytes where a record should start do not carry the record marker. */
    BAD_MAGIC,
    /** A header declares an impossible payload length. */
    BAD_LENGTH,
    /** The record is complete but its CRC32C checksum does not match: the bytes were altered. */
    CHECKSUM_MISMATCH,
    /** The record is intact but its round does not follow the previous one. */
    ROUND_OUT_OF_ORDER
  }

  /** True when the whole file is valid. */
  public boolean clean() {
    return problem == Problem.NONE;
  }

  /** True when only a tail after the valid prefix is damaged, so appending (after truncation) is safe. */
  public boolean tailOnly() {
    return validRecordsAfterDamage == 0;
  }
}
