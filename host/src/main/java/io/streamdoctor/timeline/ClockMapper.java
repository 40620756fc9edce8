package io.streamdoctor.timeline;

/**
 * Maps the extension's timestamps ({@code performance.timeOrigin + performance.now()}) onto the
 * host clock. Each message gives one sample of (hostReceive - extensionTs) = skew + delay; delay is
 * never negative, so the smallest sample is the best bound on skew (the same reasoning NTP uses
 * for its minimum-delay filter). Timestamps are then shifted by that skew, and never placed after
 * the moment the host received them.
 *
 * <p>A minimum is pulled anywhere by one bad sample, so samples are filtered first (NTP's clock
 * filter discards outliers too, RFC 5905 §10): a timestamp that is not finite, or whose offset is
 * absurd (more than {@link #MAX_OFFSET_MS}) or more than {@link #MAX_JUMP_MS} from the offset
 * already established, does not move the offset; that one event is placed at its arrival time.
 * The live host also refuses such events outright (error 109); this keeps replays of older
 * recordings sane.
 */
public final class ClockMapper {
  /**
   * A skew this large is no clock at all (a {@code ts} counted from 1970 or from the far future).
   * 400 days, not one: recordings made before the live host refused far timestamps must still
   * replay, and docs/samples/break-session.jsonl has its {@code ts} 365 days from its {@code at}.
   */
  static final double MAX_OFFSET_MS = 400 * 86_400_000.0;
  /** An established offset moves by at most a day at once. */
  static final double MAX_JUMP_MS = 86_400_000;

  private double minOffset = Double.POSITIVE_INFINITY;

  public synchronized double toHost(double extensionTs, double hostReceivedAt) {
    if (!(extensionTs > 0) || Double.isInfinite(extensionTs)) {
      return hostReceivedAt;
    }
    double offset = hostReceivedAt - extensionTs;
    boolean established = !Double.isInfinite(minOffset);
    if (!(Math.abs(offset) <= MAX_OFFSET_MS)
        || (established && Math.abs(offset - minOffset) > MAX_JUMP_MS)) {
      return hostReceivedAt;
    }
    if (offset < minOffset) {
      minOffset = offset;
    }
    return Math.min(extensionTs + minOffset, hostReceivedAt);
  }

  public synchronized double skewMs() {
    return Double.isInfinite(minOffset) ? 0 : minOffset;
  }
}
