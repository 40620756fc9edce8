package io.streamdoctor.evidence;

public record Connectivity(
    double ts, boolean online, String effectiveType, Double rttMs, Double downlinkMbps)
    implements Evidence {
  @Override
  public Connectivity withTs(double t) {
    return new Connectivity(t, online, effectiveType, rttMs, downlinkMbps);
  }
}
