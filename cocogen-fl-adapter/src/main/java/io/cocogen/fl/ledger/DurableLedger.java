package io.cocogen.fl.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of settled rounds that survives crashes (MODEL.md §10).
 *
 * <p>Format: a sequence of records, each
 * {@code magic (int 0x43434C47) | payload length (int) | round (long) | payload | CRC32C (int)}, big
 * endian, where the checksum covers the length, the round and the payload. {@link #append} writes one
 * record at the end of the valid prefix, in write calls of at most {@link #WRITE_CHUNK} bytes, and returns
 * only after {@code FileChannel.force(true)}: a record whose append returned is on stable storage. A crash
 * during an append (between two write calls, or before the data reached the disk) leaves a torn record,
 * which recovery detects by its length or checksum.
 *
 * <p>Recovery. {@link #open} scans the file from the start and keeps the longest prefix of records that
 * are complete, carry the marker, have a plausible length, a matching checksum and strictly increasing
 * rounds. Whatever follows is reported in the {@link RecoveryReport} (offset, byte count, what is wrong),
 * never used. Appending after a damaged tail first truncates the file to the valid prefix (and forces
 * that), so a torn record from a crash is overwritten by the next round. If a record with a valid
 * checksum exists after the damage, the file was damaged in the middle: truncating would destroy good
 * records, so {@link #append} refuses with a {@link LedgerCorruptedException} until the file is repaired
 * by hand.
 *
 * <p>One writer at a time: the file is locked for the lifetime of the instance (another process or
 * another instance in this JVM cannot open it).
 */
public final class DurableLedger implements AutoCloseable {
  /** The record marker, {@code "CCLG"}. */
  public static final int MAGIC = 0x43434C47;
  /** Bytes before the payload: marker, length and round. */
  public static final int HEADER_BYTES = 16;
  /** Bytes after the payload: the checksum. */
  public static final int TRAILER_BYTES = 4;
  /** Largest payload accepted, 64 MiB. */
  public static final int MAX_PAYLOAD = 64 << 20;
  /** Bytes per write call; a record larger than this is written in several calls. */
  public static final int WRITE_CHUNK = 64 << 10;

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final List<LedgerRecord> records;
  private RecoveryReport report;
  private long end;
  private boolean closed;

  private DurableLedger(Path path, FileChannel channel, FileLock lock, Scan scan) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.records = new ArrayList<>(scan.records);
    this.report = scan.report;
    this.end = scan.report.validBytes();
  }

  /**
   * Opens (creating if absent) and recovers the ledger at {@code path}. The file is not modified until the
   * first {@link #append}.
   *
   * @throws IOException when the file cannot be opened or is locked by another writer
   */
  public static DurableLedger open(Path path) throws IOException {
    Path abs = path.toAbsolutePath();
    Path parent = abs.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean created = !Files.exists(abs);
    FileChannel ch = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      ch.close();
      throw new IOException("ledger " + abs + " is already open in this JVM", e);
    }
    if (lock == null) {
      ch.close();
      throw new IOException("ledger " + abs + " is locked by another process");
    }
    if (created && parent != null) {
      forceDirectory(parent);
    }
    try {
      Scan scan = scan(abs, ch);
      return new DurableLedger(abs, ch, lock, scan);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
  }

  /** Scans {@code path} read-only and reports what it holds, without opening it for writing. */
  public static RecoveryReport inspect(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return scan(path.toAbsolutePath(), ch).report;
    }
  }

  /** The records of {@code path} that pass every check, read-only. */
  public static List<LedgerRecord> readValid(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return scan(path.toAbsolutePath(), ch).records;
    }
  }

  public Path path() {
    return path;
  }

  /** What recovery found when the ledger was opened (updated to clean after the tail is truncated). */
  public synchronized RecoveryReport recoveryReport() {
    return report;
  }

  /** The valid records, in order (recovered ones, then those appended since). */
  public synchronized List<LedgerRecord> records() {
    return Collections.unmodifiableList(new ArrayList<>(records));
  }

  /** Round of the last valid record, or −1 when the ledger is empty. */
  public synchronized long lastRound() {
    return records.isEmpty() ? -1 : records.get(records.size() - 1).round();
  }

  /** True when {@code round} is recorded. */
  public synchronized boolean contains(long round) {
    for (LedgerRecord r : records) {
      if (r.round() == round) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends the record of {@code round} and forces it to stable storage before returning.
   *
   * @throws IllegalStateException when {@code round} is not after the last recorded round (a round is
   *     settled once) or the ledger is closed
   * @throws LedgerCorruptedException when the file is damaged in the middle (see class comment)
   */
  public synchronized LedgerRecord append(long round, byte[] payload) throws IOException {
    if (closed) {
      throw new IllegalStateException("ledger " + path + " is closed");
    }
    if (round < 0) {
      throw new IllegalArgumentException("round = " + round + ": must be >= 0");
    }
    if (payload == null || payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload: must be non-null and at most " + MAX_PAYLOAD + " bytes");
    }
    long last = lastRound();
    if (round <= last) {
      throw new IllegalStateException("round " + round + " cannot be appended: the ledger " + path
          + (contains(round) ? " already holds round " + round : " is already at round " + last)
          + " (a round is settled once, in increasing order)");
    }
    if (!report.tailOnly()) {
      throw new LedgerCorruptedException("ledger " + path + " is damaged in the middle (" + report.detail()
          + "); refusing to truncate valid records: repair the file by hand", report);
    }
    if (channel.size() != end) {
      // Drop the torn or corrupt tail found at recovery (or left by a failed append) before writing.
      channel.truncate(end);
      channel.force(true);
      report = new RecoveryReport(path, records.size(), last, end, end, RecoveryReport.Problem.NONE, end, 0, 0,
          "torn tail of " + (report.fileBytes() - end) + " bytes at offset " + end + " truncated before appending");
    }
    ByteBuffer buf = encode(round, payload);
    long offset = end;
    long pos = offset;
    while (buf.hasRemaining()) {
      int chunk = Math.min(buf.remaining(), WRITE_CHUNK);
      ByteBuffer slice = buf.slice(buf.position(), chunk);
      while (slice.hasRemaining()) {
        pos += channel.write(slice, pos);
      }
      buf.position(buf.position() + chunk);
    }
    channel.force(true);
    end = pos;
    LedgerRecord rec = new LedgerRecord(round, offset, payload);
    records.add(rec);
    return rec;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  static ByteBuffer encode(long round, byte[] payload) {
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payload.length + TRAILER_BYTES);
    buf.putInt(MAGIC).putInt(payload.length).putLong(round).put(payload);
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 4, HEADER_BYTES - 4 + payload.length);
    buf.putInt((int) crc.getValue());
    buf.flip();
    return buf;
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a directory for syncing; the file's own force still holds.
    }
  }

  private record Scan(RecoveryReport report, List<LedgerRecord> records) {}

  private record Parsed(RecoveryReport.Problem problem, long round, byte[] payload, long next, String why) {}

  private static Scan scan(Path path, FileChannel ch) throws IOException {
    long size = ch.size();
    List<LedgerRecord> recs = new ArrayList<>();
    long pos = 0;
    long last = -1;
    RecoveryReport.Problem problem = RecoveryReport.Problem.NONE;
    String why = "";
    while (pos < size) {
      Parsed p = parseAt(ch, pos, size);
      if (p.problem != RecoveryReport.Problem.NONE) {
        problem = p.problem;
        why = p.why;
        break;
      }
      if (p.round <= last) {
        problem = RecoveryReport.Problem.ROUND_OUT_OF_ORDER;
        why = "record at offset " + pos + " is round " + p.round + " after round " + last;
        break;
      }
      recs.add(new LedgerRecord(p.round, pos, p.payload));
      last = p.round;
      pos = p.next;
    }
    int after = 0;
    if (problem != RecoveryReport.Problem.NONE) {
      after = countValidRecordsAfter(ch, pos, size);
    }
    String detail;
    if (problem == RecoveryReport.Problem.NONE) {
      detail = recs.size() + " valid records, " + size + " bytes, clean end";
    } else {
      detail = recs.size() + " valid records (" + pos + " bytes); discarded " + (size - pos) + " bytes from offset "
          + pos + ": " + problem + " (" + why + ")"
          + (after > 0 ? "; " + after + " checksum-valid records follow the damage" : "");
    }
    RecoveryReport report = new RecoveryReport(path, recs.size(), last, pos, size, problem, pos, size - pos, after,
        detail);
    return new Scan(report, recs);
  }

  private static Parsed parseAt(FileChannel ch, long pos, long size) throws IOException {
    if (size - pos < HEADER_BYTES) {
      return bad(RecoveryReport.Problem.TORN_HEADER, (size - pos) + " bytes remain, a header needs " + HEADER_BYTES);
    }
    ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES);
    readFully(ch, head, pos);
    head.flip();
    int magic = head.getInt();
    int len = head.getInt();
    long round = head.getLong();
    if (magic != MAGIC) {
      return bad(RecoveryReport.Problem.BAD_MAGIC, String.format("found 0x%08X instead of the record marker", magic));
    }
    if (len < 0 || len > MAX_PAYLOAD) {
      return bad(RecoveryReport.Problem.BAD_LENGTH, "payload length " + len);
    }
    long total = (long) HEADER_BYTES + len + TRAILER_BYTES;
    if (size - pos < total) {
      return bad(RecoveryReport.Problem.TORN_RECORD, "record of " + total + " bytes but only " + (size - pos) + " remain");
    }
    ByteBuffer body = ByteBuffer.allocate(len + TRAILER_BYTES);
    readFully(ch, body, pos + HEADER_BYTES);
    body.flip();
    byte[] payload = new byte[len];
    body.get(payload);
    int stored = body.getInt();
    CRC32C crc = new CRC32C();
    ByteBuffer lr = ByteBuffer.allocate(12).putInt(len).putLong(round);
    crc.update(lr.array(), 0, 12);
    crc.update(payload, 0, len);
    if ((int) crc.getValue() != stored) {
      return bad(RecoveryReport.Problem.CHECKSUM_MISMATCH, String.format("stored CRC32C 0x%08X, computed 0x%08X",
          stored, (int) crc.getValue()));
    }
    return new Parsed(RecoveryReport.Problem.NONE, round, payload, pos + total, "");
  }

  private static Parsed bad(RecoveryReport.Problem p, String why) {
    return new Parsed(p, -1, null, -1, why);
  }

  /** Counts checksum-valid records after a damaged one, searching the tail for the marker byte by byte. */
  private static int countValidRecordsAfter(FileChannel ch, long from, long size) throws IOException {
    long tail = size - from;
    if (tail > Integer.MAX_VALUE - 64) {
      tail = Integer.MAX_VALUE - 64; // a tail beyond 2 GiB is only searched in its first 2 GiB
    }
    ByteBuffer buf = ByteBuffer.allocate((int) tail);
    readFully(ch, buf, from);
    byte[] b = buf.array();
    int count = 0;
    int p = 1;
    while (p + HEADER_BYTES + TRAILER_BYTES <= b.length) {
      ByteBuffer v = ByteBuffer.wrap(b);
      if (v.getInt(p) == MAGIC) {
        int len = v.getInt(p + 4);
        if (len >= 0 && len <= MAX_PAYLOAD && (long) p + HEADER_BYTES + len + TRAILER_BYTES <= b.length) {
          CRC32C crc = new CRC32C();
          crc.update(b, p + 4, HEADER_BYTES - 4 + len);
          if ((int) crc.getValue() == v.getInt(p + HEADER_BYTES + len)) {
            count++;
            p += HEADER_BYTES + len + TRAILER_BYTES;
            continue;
          }
        }
      }
      p++;
    }
    return count;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    long p = pos;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, p);
      if (r < 0) {
        throw new IOException("unexpected end of file at offset " + p);
      }
      p += r;
    }
  }
}
