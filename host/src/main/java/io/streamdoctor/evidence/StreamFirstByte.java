package io.streamdoctor.evidence;

public record StreamFirstByte(double ts, String stream, Double ttfbMs, Integer httpStatus)
    implements StreamEvent {
  @Override
  public StreamFirstByte withTs(double t) {
    return new StreamFirstByte(t, stream, ttfbMs, httpStatus);
  }
}
