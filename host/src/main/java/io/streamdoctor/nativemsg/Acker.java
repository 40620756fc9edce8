package io.streamdoctor.nativemsg;

/**
 * Acknowledges events in batches: after {@value #BATCH} events or when the timer fires, and
 * before exit. An ack means every event up to {@code upTo} is on the timeline (and recorded).
 */
public final class Acker {
  static final int BATCH = 64;

  private final FrameWriter writer;
  private final Runnable beforeAck;
  private long highest = -1;
  private long acked = -1;
  private int pending;

  public Acker(FrameWriter writer, Runnable beforeAck) {
    this.writer = writer;
    this.beforeAck = beforeAck;
  }

  public synchronized void stored(long seq) {
    if (seq > highest) {
      highest = seq;
    }
    pending++;
    if (pending >= BATCH) {
      flush();
    }
  }

  public synchronized void flush() {
    if (pending == 0 || highest == acked) {
      pending = 0;
      return;
    }
    beforeAck.run();
    writer.send("{\"v\":1,\"type\":\"ack\",\"upTo\":" + highest + ",\"count\":" + pending + "}");
    acked = highest;
    pending = 0;
  }
}
