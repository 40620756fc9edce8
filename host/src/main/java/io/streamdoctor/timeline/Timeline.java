package io.streamdoctor.timeline;

import io.streamdoctor.evidence.Evidence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded in-memory evidence timeline. Entries are kept in arrival order and evicted by
 * count and by age, so memory stays flat however long the host runs. The newest report of each
 * standing state ({@link StandingState}: a VPN up, a proxy set, the installed extensions) outlives
 * eviction until a newer report of that state arrives: a state reported once an hour ago still
 * holds. At most {@link #MAX_STANDING} such states are kept.
 */
public final class Timeline {
  /** {@code receivedAt}: host time the evidence arrived; {@code evidence.ts()}: when it happened. */
  public record Entry(long seq, double receivedAt, Evidence evidence) {}

  private final int capacity;
  private final double maxAgeMs;
  static final int MAX_STANDING = 64;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  /** State key → the seq of its newest report, evicted or not. */
  private final Map<String, Long> newestOfState = new HashMap<>();
  /** State key → its newest report, once age or count evicted it from {@link #entries}. */
  private final Map<String, Entry> standing = new LinkedHashMap<>();
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
    String key = StandingState.key(evidence);
    if (key != null) {
      standing.remove(key);
      if (newestOfState.size() < MAX_STANDING || newestOfState.containsKey(key)) {
        newestOfState.put(key, e.seq());
      }
    }
    entries.addLast(e);
    while (entries.size() > capacity
        || receivedAt - entries.peekFirst().receivedAt() > maxAgeMs) {
      keepIfStanding(entries.removeFirst());
    }
    return e;
  }

  private void keepIfStanding(Entry evicted) {
    String key = StandingState.key(evicted.evidence());
    Long newest = key == null ? null : newestOfState.get(key);
    if (newest != null && newest == evicted.seq()) {
      standing.put(key, evicted);
    }
  }

  /**
   * Everything received up to {@code receivedUpTo}, oldest first: the standing states that
   * outlived eviction, then the entries.
   */
  public synchronized List<Entry> until(double receivedUpTo) {
    List<Entry> out = new ArrayList<>(standing.size() + entries.size());
    standing.values().stream()
        .filter(e -> e.receivedAt() <= receivedUpTo)
        .sorted((a, b) -> Long.compare(a.seq(), b.seq()))
        .forEach(out::add);
    for (Entry e : entries) {
      if (e.receivedAt() <= receivedUpTo) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized List<Entry> all() {
    return until(Double.POSITIVE_INFINITY);
  }

  public synchronized int size() {
    return standing.size() + entries.size();
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
    Entry found = null;
    for (Entry e : standing.values()) {
      if (type.isInstance(e.evidence()) && (found == null || e.seq() > found.seq())) {
        found = e;
      }
    }
    return found == null ? null : type.cast(found.evidence());
  }
}
