package io.streamdoctor.evidence;

public record StreamOpened(
    double ts, String stream, String site, String url, String kind, Integer tabId, Long payloadBytes)
    implements StreamEvent {
  @Override
  public StreamOpened withTs(double t) {
    return new StreamOpened(t, stream, site, url, kind, tabId, payloadBytes);
  }
}
