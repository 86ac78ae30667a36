package io.cocogen.fl.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableLedgerTest {
  @TempDir Path dir;

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Path ledgerWith(int rounds) throws IOException {
    Path p = dir.resolve("ledger.bin");
    try (DurableLedger l = DurableLedger.open(p)) {
      for (int r = 0; r < rounds; r++) {
        l.append(r, text("{\"round\":" + r + ",\"note\":\"settled\"}"));
      }
    }
    return p;
  }

  @Test
  void appendsAndRecoversExactly() throws IOException {
    Path p = ledgerWith(5);
    try (DurableLedger l = DurableLedger.open(p)) {
      RecoveryReport rep = l.recoveryReport();
      assertThat(rep.clean()).isTrue();
      assertThat(rep.validRecords()).isEqualTo(5);
      assertThat(rep.lastRound()).isEqualTo(4);
      assertThat(rep.discardedBytes()).isZero();
      assertThat(l.records()).extracting(LedgerRecord::round).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(l.records().get(3).text()).isEqualTo("{\"round\":3,\"note\":\"settled\"}");
    }
  }

  @Test
  void aRoundIsAppendedOnceAndInOrder() throws IOException {
    Path p = ledgerWith(3);
    try (DurableLedger l = DurableLedger.open(p)) {
      assertThatThrownBy(() -> l.append(2, text("again"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already holds round 2");
      assertThatThrownBy(() -> l.append(1, text("late"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("settled once");
      l.append(7, text("later rounds may skip numbers"));
      assertThat(l.lastRound()).isEqualTo(7);
    }
  }

  @Test
  void aSecondWriterIsRefused() throws IOException {
    Path p = ledgerWith(1);
    try (DurableLedger l = DurableLedger.open(p)) {
      assertThat(l.lastRound()).isZero();
      assertThatThrownBy(() -> DurableLedger.open(p)).isInstanceOf(IOException.class).hasMessageContaining("already open");
    }
  }

  @Test
  void truncatedMidRecordIsReportedThenOverwrittenOnAppend() throws IOException {
    Path p = ledgerWith(4);
    long full = Files.size(p);
    long cut;
    List<LedgerRecord> before = DurableLedger.readValid(p);
    long lastOffset = before.get(3).offset();
    cut = lastOffset + 9; // inside the header of round 3
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(cut);
    }
    RecoveryReport torn = DurableLedger.inspect(p);
    assertThat(torn.problem()).isEqualTo(RecoveryReport.Problem.TORN_HEADER);
    assertThat(torn.validRecords()).isEqualTo(3);
    assertThat(torn.discardedOffset()).isEqualTo(lastOffset);
    assertThat(torn.discardedBytes()).isEqualTo(9);
    assertThat(torn.tailOnly()).isTrue();

    // Cut inside the payload instead.
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(full - 6);
    }
    try (DurableLedger l = DurableLedger.open(p)) {
      RecoveryReport rep = l.recoveryReport();
      assertThat(rep.problem()).isEqualTo(RecoveryReport.Problem.TORN_RECORD);
      assertThat(rep.validRecords()).isEqualTo(3);
      assertThat(rep.discardedBytes()).isEqualTo(full - 6 - lastOffset);
      assertThat(rep.detail()).contains("discarded").contains("offset " + lastOffset);
      assertThat(l.lastRound()).isEqualTo(2);
      // Round 3 was never acknowledged by a durable append, so it is settled again.
      l.append(3, text("round 3 again"));
      assertThat(l.recoveryReport().clean()).isTrue();
    }
    RecoveryReport after = DurableLedger.inspect(p);
    assertThat(after.clean()).as(after.detail()).isTrue();
    assertThat(after.validRecords()).isEqualTo(4);
    assertThat(DurableLedger.readValid(p).get(3).text()).isEqualTo("round 3 again");
  }

  @Test
  void aFlippedByteIsAChecksumErrorNeverUsed() throws IOException {
    Path p = ledgerWith(3);
    List<LedgerRecord> recs = DurableLedger.readValid(p);
    long target = recs.get(2).offset() + DurableLedger.HEADER_BYTES + 5;
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.seek(target);
      int b = f.read();
      f.seek(target);
      f.write(b ^ 0x20);
    }
    RecoveryReport rep = DurableLedger.inspect(p);
    assertThat(rep.problem()).isEqualTo(RecoveryReport.Problem.CHECKSUM_MISMATCH);
    assertThat(rep.validRecords()).isEqualTo(2);
    assertThat(rep.discardedOffset()).isEqualTo(recs.get(2).offset());
    assertThat(DurableLedger.readValid(p)).extracting(LedgerRecord::round).containsExactly(0L, 1L);
  }

  @Test
  void damageInTheMiddleRefusesToTruncateValidRecords() throws IOException {
    Path p = ledgerWith(4);
    List<LedgerRecord> recs = DurableLedger.readValid(p);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.seek(recs.get(1).offset() + DurableLedger.HEADER_BYTES + 2);
      f.write('#');
    }
    try (DurableLedger l = DurableLedger.open(p)) {
      RecoveryReport rep = l.recoveryReport();
      assertThat(rep.validRecords()).isEqualTo(1);
      assertThat(rep.validRecordsAfterDamage()).isEqualTo(2);
      assertThat(rep.tailOnly()).isFalse();
      assertThatThrownBy(() -> l.append(1, text("x"))).isInstanceOf(LedgerCorruptedException.class)
          .hasMessageContaining("damaged in the middle");
    }
    assertThat(Files.size(p)).isEqualTo(recs.get(3).offset() + DurableLedger.HEADER_BYTES
        + recs.get(3).payload().length + DurableLedger.TRAILER_BYTES);
  }

  /**
   * Kills a writer process with SIGKILL while it appends, at least four times on the same file: every round it
   * acknowledged (printed after force) is recovered exactly, a torn tail is reported and overwritten.
   */
  @Test
  void writerKilledMidRecordLosesNothingAcknowledged() throws Exception {
    Path p = dir.resolve("crash.ledger");
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    int base = 2_000_000;
    long acknowledgedSoFar = -1;
    int tornTails = 0;
    List<String> reports = new ArrayList<>();
    int attempts = 0;
    for (int attempt = 0; attempt < 8 && !(attempt >= 4 && tornTails > 0); attempt++) {
      attempts++;
      Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, LedgerWriterMain.class.getName(), p.toString(),
          Integer.toString(base)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      List<Long> acks = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.startsWith("ACK ")) {
              acks.add(Long.parseLong(line.substring(4).trim()));
            }
          }
        } catch (IOException e) {
          // stream closed by the kill
        }
      });
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int want = 3 + attempt;
      while (acks.size() < want && System.nanoTime() < deadline && child.isAlive()) {
        Thread.onSpinWait();
      }
      assertThat(acks.size()).as("child acknowledged rounds before the deadline").isGreaterThanOrEqualTo(want);
      if (attempt > 1) {
        Thread.sleep(attempt - 2L); // vary where in the next append the kill lands
      }
      child.destroyForcibly(); // SIGKILL on Linux
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      long lastAck = acks.get(acks.size() - 1);

      try (DurableLedger l = DurableLedger.open(p)) {
        RecoveryReport rep = l.recoveryReport();
        reports.add(rep.detail());
        assertThat(rep.tailOnly()).as(rep.detail()).isTrue();
        assertThat(rep.validBytes() + rep.discardedBytes()).isEqualTo(rep.fileBytes());
        if (rep.discardedBytes() > 0) {
          tornTails++;
          assertThat(rep.problem()).as(rep.detail()).isIn(RecoveryReport.Problem.TORN_HEADER,
              RecoveryReport.Problem.TORN_RECORD);
        } else {
          assertThat(rep.problem()).isEqualTo(RecoveryReport.Problem.NONE);
        }
        // Everything acknowledged, this time and before, is there exactly; at most one more round (written,
        // forced, killed before it printed its acknowledgement).
        assertThat(l.lastRound()).isBetween(lastAck, lastAck + 1);
        List<LedgerRecord> recs = l.records();
        assertThat(recs).hasSize((int) l.lastRound() + 1);
        for (int i = 0; i < recs.size(); i++) {
          assertThat(recs.get(i).round()).isEqualTo(i);
          assertThat(recs.get(i).payload()).isEqualTo(LedgerWriterMain.payload(i, base));
        }
        assertThat(lastAck).isGreaterThan(acknowledgedSoFar);
        acknowledgedSoFar = lastAck;
      }
    }
    // A kill normally lands inside an append (2 MB records written in 64 KiB calls): the torn-tail path
    // must have been exercised for real.
    assertThat(tornTails).as("kills that left a torn tail: " + reports).isPositive();
    // After the last recovery the file is appendable and then clean.
    try (DurableLedger l = DurableLedger.open(p)) {
      long next = l.lastRound() + 1;
      l.append(next, LedgerWriterMain.payload(next, base));
    }
    RecoveryReport fin = DurableLedger.inspect(p);
    assertThat(fin.clean()).as(fin.detail()).isTrue();
    System.out.println("crash test: " + tornTails + " of " + attempts + " kills left a torn tail; " + reports);
  }
}
