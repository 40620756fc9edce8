package io.streamdoctor.platform;

import java.util.function.Supplier;

/** A value re-read at most every {@code maxAgeMs} (monotonic clock). */
final class Cached<T> {
  private final long maxAgeNanos;
  private final Supplier<T> source;
  private T value;
  private long readAt;

  Cached(long maxAgeMs, Supplier<T> source) {
    this.maxAgeNanos = maxAgeMs * 1_000_000L;
    this.source = source;
  }

  synchronized T get() {
    long now = System.nanoTime();
    if (value == null || now - readAt >= maxAgeNanos) {
      value = source.get();
      readAt = now;
    }
    return value;
  }
}
