package io.streamdoctor.history;

import java.util.List;

/**
 * What history keeps about one break besides its diagnosis: numbers, codes and a sanitized URL
 * only (the privacy rule). Built by {@link BreakSummaries}; every string in it has passed through
 * {@link Privacy}. Times in {@code marks} and {@code around} are ms relative to the break.
 *
 * @param networkId a hashed fingerprint of the network (gateway/SSID) the break happened on, or
 *     null when the host had no OS evidence for it
 * @param extensionsHash hash of the sorted ids of the extensions enabled at the break, or null
 *     when no inventory had arrived
 * @param session a random id of the host process (one browser session) that saw the break, or
 *     null for breaks stored before it was kept: patterns need members from two sessions or days
 */
public record BreakSummary(
    String breakId,
    String stream,
    String site,
    String url,
    String kind,
    String outcome,
    Integer closeCode,
    Boolean wasClean,
    String errorName,
    Integer httpStatus,
    List<String> errorTypes,
    long payloadBytes,
    long frames,
    long bytes,
    Double durationMs,
    Double ttfbMs,
    Double ttftMs,
    Double gapP95Ms,
    Double gapMaxMs,
    Double stallSilentMs,
    String networkId,
    String extensionsHash,
    List<Ext> extensions,
    List<Mark> marks,
    List<Around> around,
    String session) {

  public BreakSummary {
    errorTypes = errorTypes == null ? List.of() : List.copyOf(errorTypes);
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
    marks = marks == null ? List.of() : List.copyOf(marks);
    around = around == null ? List.of() : List.copyOf(around);
  }

  /** A summary without a session id (breaks summarised outside a host session). */
  public BreakSummary(String breakId, String stream, String site, String url, String kind, String outcome,
      Integer closeCode, Boolean wasClean, String errorName, Integer httpStatus, List<String> errorTypes,
      long payloadBytes, long frames, long bytes, Double durationMs, Double ttfbMs, Double ttftMs,
      Double gapP95Ms, Double gapMaxMs, Double stallSilentMs, String networkId, String extensionsHash,
      List<Ext> extensions, List<Mark> marks, List<Around> around) {
    this(breakId, stream, site, url, kind, outcome, closeCode, wasClean, errorName, httpStatus, errorTypes,
        payloadBytes, frames, bytes, durationMs, ttfbMs, ttftMs, gapP95Ms, gapMaxMs, stallSilentMs, networkId,
        extensionsHash, extensions, marks, around, null);
  }

  /** The same summary, seen in host session {@code id}. */
  public BreakSummary inSession(String id) {
    return new BreakSummary(breakId, stream, site, url, kind, outcome, closeCode, wasClean, errorName,
        httpStatus, errorTypes, payloadBytes, frames, bytes, durationMs, ttfbMs, ttftMs, gapP95Ms, gapMaxMs,
        stallSilentMs, networkId, extensionsHash, extensions, marks, around, id);
  }

  /** An enabled extension: its store id and display name. */
  public record Ext(String id, String name) {}

  /**
   * One point on the stream's own timeline. {@code kind}: open, first_byte, first_token,
   * progress, stall, error, end. {@code frames}/{@code bytes}: the counts at that moment, when
   * known; {@code detail}: a short text we composed from codes and numbers.
   */
  public record Mark(String kind, long atMs, Long frames, Long bytes, String detail) {}

  /** Evidence near the break that is not the stream's own: its type and what it said. */
  public record Around(long atMs, String type, String detail) {}

  /** A summary with nothing but the identity, for breaks seen without their evidence. */
  public static BreakSummary bare(String breakId, String stream, String site, String url) {
    return new BreakSummary(Privacy.id(breakId), Privacy.id(stream), Privacy.code(site), Privacy.url(url), null, null, null, null, null,
        null, List.of(), 0, 0, 0, null, null, null, null, null, null, null, null, List.of(),
        List.of(), List.of());
  }
}
