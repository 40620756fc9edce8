package io.streamdoctor.timeline;

/**
 * A token bucket: {@code perMinute} tokens a minute, at most {@code burst} saved up. Time comes
 * from the caller (the host clock, or a test's), so the budget is deterministic under test.
 */
public final class RateBudget {
  private final double perMs;
  private final double burst;
  private double tokens;
  private double lastMs = Double.NaN;

  public RateBudget(int perMinute, int burst) {
    this.perMs = perMinute / 60_000.0;
    this.burst = burst;
    this.tokens = burst;
  }

  /** Takes one token if there is one at {@code nowMs}. */
  public synchronized boolean take(double nowMs) {
    if (!Double.isNaN(lastMs) && nowMs > lastMs) {
      tokens = Math.min(burst, tokens + (nowMs - lastMs) * perMs);
    }
    if (Double.isNaN(lastMs) || nowMs > lastMs) {
      lastMs = nowMs;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
