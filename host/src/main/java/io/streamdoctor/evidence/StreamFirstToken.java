package io.streamdoctor.evidence;

public record StreamFirstToken(double ts, String stream, Double ttftMs) implements StreamEvent {
  @Override
  public StreamFirstToken withTs(double t) {
    return new StreamFirstToken(t, stream, ttftMs);
  }
}
