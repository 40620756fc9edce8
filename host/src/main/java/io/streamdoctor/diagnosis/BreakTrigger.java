package io.streamdoctor.diagnosis;

/**
 * What made the host declare a break ({@link TriggerKind}). {@code stream} is null for a break of
 * the page itself (blank page, failed main frame, a banner with no stream of the tab near it).
 * {@code note} says, for a slow stream, what made it slow (numbers only); null otherwise.
 */
public record BreakTrigger(
    String breakId, String stream, TriggerKind kind, double at, String site, Integer tabId, String note) {
  public BreakTrigger(String breakId, String stream, TriggerKind kind, double at, String site, Integer tabId) {
    this(breakId, stream, kind, at, site, tabId, null);
  }

  /** The same break, refreshed by a later event of the given kind. */
  public BreakTrigger as(TriggerKind k) {
    return new BreakTrigger(breakId, stream, k, at, site, tabId, note);
  }
}
