package io.cocogen.incentive;

import io.cocogen.api.InvalidModelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory, immutable, append-only ledger of rounds (MODEL.md §10): {@link #append} returns a new
 * ledger and refuses a round number that does not exceed the last one. Durable storage is the FL
 * adapter's job; the records are plain data for it.
 */
public final class Ledger {
  private static final Ledger EMPTY = new Ledger(List.of());

  private final List<RoundRecord> records;

  private Ledger(List<RoundRecord> records) {
    this.records = records;
  }

  public static Ledger empty() {
    return EMPTY;
  }

  /** A ledger of {@code records}, which must have strictly increasing round numbers. */
  public static Ledger of(List<RoundRecord> records) {
    if (records == null) {
      throw new InvalidModelException("records", "is required");
    }
    List<RoundRecord> copy = new ArrayList<>(records.size());
    for (RoundRecord r : records) {
      check(copy, r);
      copy.add(r);
    }
    return new Ledger(Collections.unmodifiableList(copy));
  }

  private static void check(List<RoundRecord> existing, RoundRecord record) {
    if (record == null) {
      throw new InvalidModelException("record", "is required");
    }
    if (!existing.isEmpty()) {
      int last = existing.get(existing.size() - 1).round();
      if (record.round() <= last) {
        throw new InvalidModelException("record.round", record.round(),
            "rounds must strictly increase: the ledger's last round is " + last);
      }
    }
  }

  /** This ledger plus {@code record} (copies the list: O(rounds)). */
  public Ledger append(RoundRecord record) {
    check(records, record);
    List<RoundRecord> next = new ArrayList<>(records.size() + 1);
    next.addAll(records);
    next.add(record);
    return new Ledger(Collections.unmodifiableList(next));
  }

  /** The records, oldest first (unmodifiable). */
  public List<RoundRecord> records() {
    return records;
  }

  public int size() {
    return records.size();
  }

  public boolean isEmpty() {
    return records.isEmpty();
  }

  public Optional<RoundRecord> last() {
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  /** The record of round number {@code round}, if any. */
  public Optional<RoundRecord> round(int round) {
    int lo = 0;
    int hi = records.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int r = records.get(mid).round();
      if (r < round) {
        lo = mid + 1;
      } else if (r > round) {
        hi = mid - 1;
      } else {
        return Optional.of(records.get(mid));
      }
    }
    return Optional.empty();
  }

  /** {@code Σ_t τ_i^t} per organization, over the rounds it took part in (first appearance order). */
  public Map<String, Double> cumulativeTransfers() {
    return cumulative(true);
  }

  /** {@code Σ_t π_i^t} per organization, over the rounds it took part in. */
  public Map<String, Double> cumulativePayoffs() {
    return cumulative(false);
  }

  /** Rounds each organization took part in. */
  public Map<String, Integer> participationCounts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (RoundRecord r : records) {
      for (String id : r.participants()) {
        m.merge(id, 1, Integer::sum);
      }
    }
    return m;
  }

  /** {@code Σ_t welfare^t}. */
  public double cumulativeWelfare() {
    double t = 0;
    for (RoundRecord r : records) {
      t += r.welfare();
    }
    return t;
  }

  private Map<String, Double> cumulative(boolean transfers) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (RoundRecord r : records) {
      String[] ids = r.participants();
      double[] v = transfers ? r.transfers() : r.payoffs();
      for (int i = 0; i < ids.length; i++) {
        m.merge(ids[i], v[i], Double::sum);
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return "Ledger[rounds=" + records.size() + (records.isEmpty() ? "" : ", last=" + last().get().round()) + "]";
  }
}
