package io.streamdoctor.evidence;

/** No frames for longer than the adaptive threshold while the stream is still open. */
public record StreamStalled(double ts, String stream, double silentMs, Double thresholdMs)
    implements StreamEvent {
  @Override
  public StreamStalled withTs(double t) {
    return new StreamStalled(t, stream, silentMs, thresholdMs);
  }
}
