package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamErrored;
import io.streamdoctor.evidence.StreamFirstByte;
import io.streamdoctor.evidence.StreamFirstToken;
import io.streamdoctor.evidence.StreamOpened;
import io.streamdoctor.evidence.StreamProgress;
import io.streamdoctor.evidence.StreamStalled;
import java.util.ArrayList;
import java.util.List;

/** Everything the timeline holds about one stream, folded into one view. */
public final class StreamInfo {
  private StreamOpened opened;
  private StreamFirstByte firstByte;
  private StreamFirstToken firstToken;
  private StreamProgress lastProgress;
  private StreamStalled stall;
  private StreamEnded end;
  private final List<StreamErrored> errors = new ArrayList<>();

  public static StreamInfo of(String stream, List<Evidence> evidence) {
    StreamInfo info = new StreamInfo();
    if (stream == null) {
      return info;
    }
    for (Evidence ev : evidence) {
      if (ev instanceof StreamOpened e && stream.equals(e.stream())) {
        info.opened = e;
      } else if (ev instanceof StreamFirstByte e && stream.equals(e.stream())) {
        info.firstByte = e;
      } else if (ev instanceof StreamFirstToken e && stream.equals(e.stream())) {
        info.firstToken = e;
      } else if (ev instanceof StreamProgress e && stream.equals(e.stream())) {
        info.lastProgress = e;
      } else if (ev instanceof StreamStalled e && stream.equals(e.stream())) {
        info.stall = e;
      } else if (ev instanceof StreamEnded e && stream.equals(e.stream())) {
        info.end = e;
      } else if (ev instanceof StreamErrored e && stream.equals(e.stream())) {
        info.errors.add(e);
      }
    }
    return info;
  }

  public StreamOpened opened() {
    return opened;
  }

  public StreamFirstByte firstByte() {
    return firstByte;
  }

  public StreamFirstToken firstToken() {
    return firstToken;
  }

  public StreamProgress lastProgress() {
    return lastProgress;
  }

  public StreamStalled stall() {
    return stall;
  }

  public StreamEnded end() {
    return end;
  }

  public List<StreamErrored> errors() {
    return List.copyOf(errors);
  }

  public String site() {
    return opened == null ? null : opened.site();
  }

  public String url() {
    return opened == null ? null : opened.url();
  }

  public String kind() {
    return opened == null ? null : opened.kind();
  }

  public Integer tabId() {
    return opened == null ? null : opened.tabId();
  }

  public long payloadBytes() {
    return opened == null || opened.payloadBytes() == null ? 0 : opened.payloadBytes();
  }

  public long frames() {
    if (end != null) {
      return end.frames();
    }
    return lastProgress == null ? 0 : lastProgress.frames();
  }

  public long bytes() {
    if (end != null) {
      return end.bytes();
    }
    return lastProgress == null ? 0 : lastProgress.bytes();
  }

  /** The server answered with at least one frame of the stream itself. */
  public boolean startedStreaming() {
    return frames() > 0 || firstToken != null;
  }

  /**
   * The connection was up and answering: the response head or a frame arrived. Whatever failed
   * after that needed no new DNS lookup and no new connection.
   */
  public boolean established() {
    return firstByte != null || startedStreaming();
  }

  /**
   * A WebSocket that died before it ever opened: close 1006, no frame, within a few seconds.
   * Chromium reports neither the upgrade's HTTP status nor a blocked or failed lookup for it
   * (webRequest stays silent), so only host probes can tell these apart.
   */
  public boolean wsFailedBeforeOpen() {
    if (end == null || !"ws".equals(kind()) || end.frames() > 0 || firstByte != null) {
      return false;
    }
    Double d = durationMs();
    return Integer.valueOf(1006).equals(end.closeCode()) && (d == null || d < 5_000);
  }

  /** HTTP status of the stream's response, from whichever event carried it. */
  public Integer httpStatus() {
    if (end != null && end.httpStatus() != null) {
      return end.httpStatus();
    }
    for (StreamErrored e : errors) {
      if (e.httpStatus() != null) {
        return e.httpStatus();
      }
    }
    return firstByte == null ? null : firstByte.httpStatus();
  }

  public Integer closeCode() {
    return end == null ? null : end.closeCode();
  }

  public Double ttftMs() {
    return firstToken == null ? null : firstToken.ttftMs();
  }

  public Double ttfbMs() {
    return firstByte == null ? null : firstByte.ttfbMs();
  }

  public Double gapP95Ms() {
    if (end != null && end.gapP95Ms() != null) {
      return end.gapP95Ms();
    }
    return lastProgress == null ? null : lastProgress.gapP95Ms();
  }

  public Double durationMs() {
    if (end != null && end.durationMs() != null) {
      return end.durationMs();
    }
    return opened == null || end == null ? null : end.ts() - opened.ts();
  }
}
