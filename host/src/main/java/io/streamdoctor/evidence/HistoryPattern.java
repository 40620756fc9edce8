package io.streamdoctor.evidence;

import java.util.List;

/**
 * A pattern across earlier breaks that this break belongs to (history.Patterns), put on the
 * timeline after the post-mortem so the probed verdict can name it and a replay sees it too.
 */
public record HistoryPattern(double ts, String breakId, String cause, double confidence, List<String> lines)
    implements Evidence {
  public HistoryPattern {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  @Override
  public HistoryPattern withTs(double t) {
    return new HistoryPattern(t, breakId, cause, confidence, lines);
  }
}
