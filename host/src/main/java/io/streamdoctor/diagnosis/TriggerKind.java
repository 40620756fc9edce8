package io.streamdoctor.diagnosis;

import java.util.Locale;

/** What made the host declare a break (docs/diagnosis.md "When is it a break?"). */
public enum TriggerKind {
  /** The stream ended badly (error, truncated, http_error). */
  END,
  /** Open but silent beyond its adaptive threshold. */
  STALL,
  /** An in-stream error object. */
  ERROR,
  /** A stalled stream that completed after all. */
  RECOVERED,
  /** The app never came up (page.init_failed). */
  PAGE,
  /** The page's own main-frame request failed. */
  PAGE_LOAD,
  /** The page showed its own error banner. */
  BANNER,
  /** The stream never got past its connecting phase within the hook's bound. */
  CONNECTING,
  /** The stream completed, but far slower than an answer streams ({@link SlowStreams}). */
  SLOW;

  /** The lower-case id used in break ids and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
