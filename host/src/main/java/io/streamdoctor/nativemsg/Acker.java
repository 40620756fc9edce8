package io.streamdoctor.nativemsg;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Acknowledges events in batches: after {@value #BATCH} events or when the timer fires, and
 * before exit. An ack means every event up to {@code upTo} is on the timeline (and recorded), and
 * every break those events triggered has its verdict saved in history: an event that triggers a
 * break is {@linkplain #hold held} until its verdict is committed ({@link #release}), and since
 * acks are cumulative, nothing after it is acked meanwhile. The extension keeps unacked events
 * and resends them after a reconnect, so a host killed between the break and the save loses
 * no break (bench/durability.sh).
 */
public final class Acker {
  private static final Logger LOG = Logger.getLogger(Acker.class.getName());
  static final int BATCH = 64;
  /**
   * A verdict that never comes (an engine bug) must not stop acks for good: when no held verdict
   * has been saved for this long, the oldest hold lapses. Progress resets the clock, so a backlog
   * of saves (hundreds of breaks resent after a crash, another host holding the write lock) is
   * waited for, however long it takes; bench/durability.sh lost acked breaks with a fixed deadline.
   */
  static final long MAX_HOLD_MS = 10_000;

  private final FrameWriter writer;
  private final Runnable beforeAck;
  private final long maxHoldNanos;
  /** System.nanoTime, or a test's clock. */
  private final LongSupplier nanos;
  /** Held event seq → how many unsaved verdicts wait on it. */
  private final TreeMap<Long, Integer> held = new TreeMap<>();
  /** Break id → the seqs of the events that triggered it, oldest first (verdicts come in order). */
  private final Map<String, ArrayDeque<Long>> holds = new HashMap<>();
  /** nanos() of the last release, or of the first hold after none was pending. */
  private long lastProgress;
  private long highest = -1;
  private long lowest = Long.MAX_VALUE;
  private long acked = -1;
  /** Events stored since the last ack (the ack's informational {@code count}). */
  private int pending;

  public Acker(FrameWriter writer, Runnable beforeAck) {
    this(writer, beforeAck, MAX_HOLD_MS, System::nanoTime);
  }

  Acker(FrameWriter writer, Runnable beforeAck, long maxHoldMs, LongSupplier nanos) {
    this.writer = writer;
    this.beforeAck = beforeAck;
    this.maxHoldNanos = maxHoldMs * 1_000_000;
    this.nanos = nanos;
    this.lastProgress = nanos.getAsLong();
  }

  public synchronized void stored(long seq) {
    if (seq > highest) {
      highest = seq;
    }
    if (seq >= 0 && seq < lowest) {
      lowest = seq;
    }
    pending++;
    if (pending >= BATCH) {
      flush();
    }
  }

  /** The event {@code seq} triggered break {@code breakId}: no ack reaches it until released. */
  public synchronized void hold(String breakId, long seq) {
    if (seq < 0) {
      return; // an event without seq is never acked by number
    }
    if (held.isEmpty()) {
      lastProgress = nanos.getAsLong();
    }
    held.merge(seq, 1, Integer::sum);
    holds.computeIfAbsent(breakId, k -> new ArrayDeque<>()).add(seq);
  }

  /** The verdict of {@code breakId} is committed to history. */
  public void release(String breakId) {
    releaseLater(breakId);
    flush();
  }

  /**
   * As {@link #release}, leaving the ack to the next batch or the 100 ms timer: for breaks shed in
   * thousands (timeline.BreakGate), one ack frame each would flood the extension's port.
   */
  public void releaseLater(String breakId) {
    synchronized (this) {
      ArrayDeque<Long> q = holds.get(breakId);
      if (q == null) {
        return;
      }
      long seq = q.removeFirst();
      if (q.isEmpty()) {
        holds.remove(breakId);
      }
      held.computeIfPresent(seq, (k, n) -> n > 1 ? n - 1 : null);
      lastProgress = nanos.getAsLong();
    }
  }

  public synchronized void flush() {
    if (!held.isEmpty() && nanos.getAsLong() - lastProgress > maxHoldNanos) {
      long lapsed = held.pollFirstEntry().getKey();
      lastProgress = nanos.getAsLong(); // one lapse per quiet period, oldest first
      LOG.warning("event " + lapsed + " acked without its break's verdict in history: no verdict saved for "
          + maxHoldNanos / 1_000_000 + " ms");
    }
    long upTo = held.isEmpty() ? highest : Math.min(highest, held.firstKey() - 1);
    if (upTo <= acked || upTo < lowest) {
      return; // nothing new (or everything new is behind a held break)
    }
    beforeAck.run();
    writer.send("{\"v\":1,\"type\":\"ack\",\"upTo\":" + upTo + ",\"count\":" + pending + "}");
    acked = upTo;
    pending = 0;
  }
}
