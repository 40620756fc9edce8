package io.streamdoctor.probe;

/** A point in monotonic time every probe must finish by. */
public final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  public static Deadline in(long ms) {
    return new Deadline(System.nanoTime() + ms * 1_000_000L);
  }

  public long remainingMs() {
    return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000L);
  }

  /** What is left minus a margin for assembling results, but at least {@code floorMs}. */
  public int budgetMs(long marginMs, int floorMs) {
    return (int) Math.max(floorMs, remainingMs() - marginMs);
  }
}
