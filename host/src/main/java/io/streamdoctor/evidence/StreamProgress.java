package io.streamdoctor.evidence;

public record StreamProgress(
    double ts,
    String stream,
    long frames,
    long bytes,
    Double gapMeanMs,
    Double gapP95Ms,
    Double gapMaxMs)
    implements StreamEvent {
  @Override
  public StreamProgress withTs(double t) {
    return new StreamProgress(t, stream, frames, bytes, gapMeanMs, gapP95Ms, gapMaxMs);
  }
}
