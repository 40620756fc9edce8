package io.streamdoctor.evidence;

/**
 * A WebSocket upgrade (RFC 6455 section 4) to {@code host}. {@code outcome}: ok (101 and the
 * upgrade accepted), rejected ({@code httpStatus} holds the status the server answered instead),
 * timeout, refused, reset, error.
 */
public record WsProbe(double ts, String host, String outcome, Integer httpStatus, Double upgradeMs)
    implements Evidence {
  @Override
  public WsProbe withTs(double t) {
    return new WsProbe(t, host, outcome, httpStatus, upgradeMs);
  }
}
