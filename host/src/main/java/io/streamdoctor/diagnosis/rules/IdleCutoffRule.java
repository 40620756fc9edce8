package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.diagnosis.StreamInfo;
import io.streamdoctor.evidence.HistoryPattern;
import io.streamdoctor.evidence.StreamEnded;
import java.util.List;

/**
 * The stream died after a silence far longer than its own rhythm: proxies, firewalls and NAT
 * tables drop connections that stay idle past their timeout (often 30-60 s).
 */
public final class IdleCutoffRule implements Rule {
  static final double MIN_SILENCE_MS = 20_000;
  static final double RHYTHM_FACTOR = 4;

  @Override
  public String cause() {
    return Causes.NETWORK_IDLE_CUTOFF;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    StreamInfo s = ctx.stream();
    StreamEnded end = s.end();
    HistoryPattern pattern = HistoryPatterns.of(ctx, cause());
    if (pattern != null) {
      // Streams cut again and again at one duration: a proxy/NAT max-duration or idle timer.
      return Verdicts.found(cause(), Math.max(0.7, Math.min(pattern.confidence(), 0.85)),
          HistoryPatterns.lines(ctx, pattern), Remedies.CHANGE_NETWORK, Remedies.SHORTER_PROMPT);
    }
    if (end == null || !end.isBreak() || end.lastFrameAgoMs() == null) {
      return Verdicts.silent(cause());
    }
    double silence = end.lastFrameAgoMs();
    Double p95 = s.gapP95Ms();
    boolean outOfRhythm = p95 == null || silence >= RHYTHM_FACTOR * p95;
    if (silence < MIN_SILENCE_MS || !outOfRhythm) {
      if (s.startedStreaming() && silence < 2_000) {
        return Verdicts.ruledOut(cause(), "frames were still arriving " + Math.round(silence)
            + " ms before the break, so the connection was not idle");
      }
      return Verdicts.silent(cause());
    }
    List<EvidenceLine> lines =
        List.of(new EvidenceLine(Math.round(-silence), "the stream went silent "
            + Math.round(silence / 1000) + " s before it died"
            + (p95 == null ? "" : " (its usual gap: " + Math.round(p95) + " ms)")));
    return Verdicts.found(cause(), 0.75, lines, Remedies.CHANGE_NETWORK, Remedies.SHORTER_PROMPT);
  }
}
