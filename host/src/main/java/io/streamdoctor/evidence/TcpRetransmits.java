package io.streamdoctor.evidence;

/**
 * System-wide TCP counters over the last sample interval: segments sent per second, segments
 * retransmitted per second and their ratio (0 when nothing was sent).
 */
public record TcpRetransmits(double ts, double segsPerS, double retransPerS, double ratio) implements Evidence {
  @Override
  public TcpRetransmits withTs(double t) {
    return new TcpRetransmits(t, segsPerS, retransPerS, ratio);
  }
}
