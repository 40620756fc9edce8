package io.streamdoctor.net;

import io.streamdoctor.evidence.TcpRetransmits;
import io.streamdoctor.platform.TcpCounters;
import java.util.Optional;

/**
 * Turns cumulative TCP counters into a per-second rate. A counter that goes backwards (wrap of a
 * 32-bit counter, a namespace change) restarts the baseline instead of producing a bogus rate.
 */
public final class RetransmitRate {
  private TcpCounters last;
  private double lastTs;

  /** The rate since the previous sample, or empty on the first sample, a reset or no traffic. */
  public Optional<TcpRetransmits> sample(TcpCounters now, double ts) {
    TcpCounters prev = last;
    double prevTs = lastTs;
    last = now;
    lastTs = ts;
    if (prev == null || ts <= prevTs) {
      return Optional.empty();
    }
    long segs = now.outSegs() - prev.outSegs();
    long retrans = now.retransSegs() - prev.retransSegs();
    if (segs < 0 || retrans < 0 || (segs == 0 && retrans == 0)) {
      return Optional.empty();
    }
    double seconds = (ts - prevTs) / 1000.0;
    double ratio = segs == 0 ? 0 : (double) retrans / segs;
    return Optional.of(new TcpRetransmits(ts, round(segs / seconds), round(retrans / seconds), round(ratio * 1000) / 1000));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
