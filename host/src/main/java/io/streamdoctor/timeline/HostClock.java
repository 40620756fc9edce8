package io.streamdoctor.timeline;

/** Wall clock in epoch milliseconds; injected so replay and tests control time. */
@FunctionalInterface
public interface HostClock {
  double nowMs();

  static HostClock system() {
    // Wall time anchored once, advanced by the monotonic clock: immune to NTP steps mid-session.
    long wallAnchor = System.currentTimeMillis();
    long monoAnchor = System.nanoTime();
    return () -> wallAnchor + (System.nanoTime() - monoAnchor) / 1_000_000.0;
  }
}
