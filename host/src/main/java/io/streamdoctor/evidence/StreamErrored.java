package io.streamdoctor.evidence;

/** An error the site reported inside the stream (a short adapter code, never message text). */
public record StreamErrored(double ts, String stream, String errorType, Integer httpStatus)
    implements StreamEvent {
  @Override
  public StreamErrored withTs(double t) {
    return new StreamErrored(t, stream, errorType, httpStatus);
  }
}
