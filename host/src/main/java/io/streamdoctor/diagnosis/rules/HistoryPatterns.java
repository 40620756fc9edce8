package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.evidence.HistoryPattern;
import java.util.ArrayList;
import java.util.List;

/** The cross-break patterns recorded for this very break, as evidence lines of one cause. */
final class HistoryPatterns {
  private HistoryPatterns() {}

  static HistoryPattern of(BreakContext ctx, String cause) {
    HistoryPattern found = null;
    for (HistoryPattern p : ctx.all(HistoryPattern.class)) {
      if (cause.equals(p.cause()) && ctx.trigger().breakId().equals(p.breakId())) {
        found = p;
      }
    }
    return found;
  }

  static List<EvidenceLine> lines(BreakContext ctx, HistoryPattern p) {
    List<EvidenceLine> out = new ArrayList<>();
    for (String l : p.lines()) {
      out.add(ctx.line(p, "history: " + l));
    }
    return out;
  }
}
