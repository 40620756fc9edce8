package io.streamdoctor.evidence;

/** Evidence about one stream the page hook observed. */
public sealed interface StreamEvent extends Evidence
    permits StreamOpened,
        StreamFirstByte,
        StreamFirstToken,
        StreamProgress,
        StreamStalled,
        StreamErrored,
        StreamEnded {

  String stream();

  @Override
  default String missingField() {
    return stream() == null || stream().isEmpty() ? "stream" : null;
  }
}
