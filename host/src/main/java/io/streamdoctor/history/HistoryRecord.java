package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;

/** One stored break: its newest diagnosis (with the stage it reached) and its summary. */
public record HistoryRecord(
    String breakId, long ts, String stage, long savedAt, Diagnosis diagnosis, BreakSummary summary) {

  /** A break not stored yet (the one being diagnosed), for {@link Patterns#forBreak}. */
  public static HistoryRecord of(Diagnosis d, BreakSummary s) {
    return new HistoryRecord(d.breakId(), d.ts(), d.stage(), d.ts(), d, s);
  }

  public String site() {
    return summary.site() != null ? summary.site() : diagnosis.site();
  }

  public String topCause() {
    return diagnosis.topCause();
  }

  public Double durationMs() {
    return summary.durationMs();
  }

  public String networkId() {
    return summary.networkId();
  }

  /** Diagnosis stages in the order they happen; a later stage replaces an earlier one. */
  public static int stageRank(String stage) {
    if ("probed".equals(stage)) {
      return 2;
    }
    return "evidence".equals(stage) ? 1 : 0;
  }
}
