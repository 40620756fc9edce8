package io.streamdoctor.evidence;

/**
 * The end of a stream. {@code outcome}: complete, truncated, error, aborted or http_error
 * (docs/protocol.md).
 */
public record StreamEnded(
    double ts,
    String stream,
    String outcome,
    long frames,
    long bytes,
    Double durationMs,
    Boolean terminalSeen,
    Integer closeCode,
    Boolean wasClean,
    String errorName,
    Integer httpStatus,
    Double gapMeanMs,
    Double gapP95Ms,
    Double gapMaxMs,
    Double lastFrameAgoMs)
    implements StreamEvent {

  @Override
  public StreamEnded withTs(double t) {
    return new StreamEnded(
        t, stream, outcome, frames, bytes, durationMs, terminalSeen, closeCode, wasClean,
        errorName, httpStatus, gapMeanMs, gapP95Ms, gapMaxMs, lastFrameAgoMs);
  }

  /** Whether this end is a break the user lost an answer to (not completion, not user stop). */
  public boolean isBreak() {
    return outcome != null && !"complete".equals(outcome) && !"aborted".equals(outcome);
  }
}
