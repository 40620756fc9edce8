package io.streamdoctor.timeline;

import io.streamdoctor.evidence.Evidence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bounded in-memory evidence timeline. Entries are kept in arrival order and evicted by
 * count and by age, so memory stays flat however long the host runs.
 */
public final class Timeline {
  /** {@code receivedAt}: host time the evidence arrived; {@code evidence.ts()}: when it happened. */
  public record Entry(long seq, double receivedAt, Evidence evidence) {}

  private final int capacity;
  private final double maxAgeMs;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long nextSeq = 1;

  public Timeline(int capacity, double maxAgeMs) {
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
  }

  public static Timeline standard() {
    return new Timeline(20_000, 30 * 60_000);
  }

  public synchronized Entry add(double receivedAt, Evidence evidence) {
    Entry e = new Entry(nextSeq++, receivedAt, evidence);
    entries.addLast(e);
    while (entries.size() > capacity
        || receivedAt - entries.peekFirst().receivedAt() > maxAgeMs) {
      entries.removeFirst();
    }
    return e;
  }

  /** Everything received up to {@code receivedUpTo}, oldest first. */
  public synchronized List<Entry> until(double receivedUpTo) {
    List<Entry> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      if (e.receivedAt() <= receivedUpTo) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized List<Entry> all() {
    return new ArrayList<>(entries);
  }

  public synchronized int size() {
    return entries.size();
  }

  /** The newest entry matching nothing but a type, for quick look-ups (e.g. the last inventory). */
  public synchronized <T extends Evidence> T latest(Class<T> type) {
    Iterator<Entry> it = entries.descendingIterator();
    while (it.hasNext()) {
      Evidence ev = it.next().evidence();
      if (type.isInstance(ev)) {
        return type.cast(ev);
      }
    }
    return null;
  }
}
