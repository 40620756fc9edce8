package io.streamdoctor.lab;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The lab's rate limiter. A real site's 429 is not about one request: it limits the client for the
 * Retry-After period (RFC 6585 §4, RFC 9110 §10.2.3), so a fresh request from the same address gets
 * 429 too, and that is how StreamDoctor's post-mortem tells a refused WebSocket upgrade from a
 * dead server (the browser shows neither, lab-notes). Only requests without a query are limited:
 * the lab's pages and tests always carry their fault and knobs, a probe of a sanitized URL never
 * does.
 */
public final class RateLimitWindows {
  private final Map<InetAddress, Long> untilNanos = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  public RateLimitWindows(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  public static RateLimitWindows system() {
    return new RateLimitWindows(System::nanoTime);
  }

  /** A 429 with this Retry-After was just sent to {@code client}. */
  public void open(InetAddress client, int retryAfterS) {
    if (client == null || retryAfterS <= 0) {
      return;
    }
    long until = nanoClock.getAsLong() + retryAfterS * 1_000_000_000L;
    untilNanos.merge(client, until, Math::max);
  }

  /** Whole seconds left in the client's window (rounded up), 0 when it is not limited. */
  public int remainingS(InetAddress client) {
    if (client == null) {
      return 0;
    }
    Long until = untilNanos.get(client);
    if (until == null) {
      return 0;
    }
    long left = until - nanoClock.getAsLong();
    if (left <= 0) {
      untilNanos.remove(client, until);
      return 0;
    }
    return (int) ((left + 999_999_999L) / 1_000_000_000L);
  }
}
