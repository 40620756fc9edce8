package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.evidence.HistoryPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-break patterns recorded for this very break, as evidence lines of one cause. History
 * supports a per-break finding, it never decides one: earlier breaks (some of which a page may
 * have made) must not outweigh what this break itself shows.
 */
final class HistoryPatterns {
  /**
   * A pattern with no per-break evidence for its cause: a runner-up below the honest fallback
   * (stream.dropped_unexplained, 0.35), never the top cause.
   */
  static final double ALONE = 0.3;
  /** What a pattern adds to a cause the break's own evidence already supports. */
  static final double BOOST = 0.05;

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

  /**
   * The confidence of a cause once its pattern (if any) is counted: {@code perBreak} (0 when the
   * break itself shows nothing for the cause) raised by at most {@link #BOOST}, or {@link #ALONE}
   * at most for the pattern alone.
   */
  static double support(double perBreak, HistoryPattern p) {
    if (p == null) {
      return perBreak;
    }
    if (perBreak <= 0) {
      return Math.min(p.confidence(), ALONE);
    }
    return perBreak + Math.min(BOOST, p.confidence() * BOOST);
  }
}
