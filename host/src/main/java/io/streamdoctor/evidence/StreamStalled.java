package io.streamdoctor.evidence;

/**
 * No frames for longer than the adaptive threshold while the stream is still open. {@code phase}
 * is null for a silent answer and {@code "connecting"} when the stream never got past its
 * connecting phase (a WebSocket still CONNECTING, a fetch without response headers) within the
 * hook's bound (docs/protocol.md).
 */
public record StreamStalled(double ts, String stream, double silentMs, Double thresholdMs, String phase)
    implements StreamEvent {
  public static final String CONNECTING = "connecting";

  @Override
  public StreamStalled withTs(double t) {
    return new StreamStalled(t, stream, silentMs, thresholdMs, phase);
  }

  public boolean connecting() {
    return CONNECTING.equals(phase);
  }
}
