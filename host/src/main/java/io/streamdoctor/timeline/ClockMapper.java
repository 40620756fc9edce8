package io.streamdoctor.timeline;

/**
 * Maps the extension's timestamps ({@code performance.timeOrigin + performance.now()}) onto the
 * host clock. Each message gives one sample of (hostReceive - extensionTs) = skew + delay; delay is
 * never negative, so the smallest sample is the best bound on skew (the same reasoning NTP uses
 * for its minimum-delay filter). Timestamps are then shifted by that skew, and never placed after
 * the moment the host received them.
 */
public final class ClockMapper {
  private double minOffset = Double.POSITIVE_INFINITY;

  public synchronized double toHost(double extensionTs, double hostReceivedAt) {
    if (!(extensionTs > 0) || Double.isInfinite(extensionTs)) {
      return hostReceivedAt;
    }
    double offset = hostReceivedAt - extensionTs;
    if (offset < minOffset) {
      minOffset = offset;
    }
    return Math.min(extensionTs + minOffset, hostReceivedAt);
  }

  public synchronized double skewMs() {
    return Double.isInfinite(minOffset) ? 0 : minOffset;
  }
}
