package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.diagnosis.StreamInfo;
import io.streamdoctor.evidence.HistoryPattern;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.TcpProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network closed the stream after a silence far longer than its own rhythm: proxies,
 * firewalls and NAT tables drop connections that stay idle past their timeout. Decided by silence
 * followed by a close from the network (RST, FIN, WebSocket 1006: {@link NetworkClose}); a stream
 * that is still open and silent is stream.stalled, and a close the browser made itself after
 * silence (a timeout) is a dead path, not a timer. Timers are set in round numbers, so a silence
 * of 30, 60, 90, 100, 120, 300 or 600 s (±4%) makes it stronger. History (the same duration cut
 * again and again) only supports it.
 */
public final class IdleCutoffRule implements Rule {
  static final double MIN_SILENCE_MS = 20_000;
  static final double RHYTHM_FACTOR = 4;
  static final double[] ROUND_TIMEOUTS_S = {30, 60, 90, 100, 120, 300, 600};
  static final double ROUND_TOLERANCE = 0.04;

  @Override
  public String cause() {
    return Causes.NETWORK_IDLE_CUTOFF;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    // A duration pattern speaks about streams: a break without one (a blank page) gets none of it.
    HistoryPattern pattern = ctx.trigger().stream() == null ? null : HistoryPatterns.of(ctx, cause());
    List<EvidenceLine> lines = new ArrayList<>();
    List<EvidenceLine> against = new ArrayList<>();
    double perBreak = perBreak(ctx, lines, against);
    if (perBreak < 0) {
      return pattern != null ? withPattern(ctx, 0, lines, against, pattern)
          : Verdicts.ruledOut(cause(), against.get(0).text());
    }
    if (perBreak == 0 && pattern == null) {
      return Verdicts.silent(cause());
    }
    return withPattern(ctx, perBreak, lines, against, pattern);
  }

  private RuleResult withPattern(BreakContext ctx, double perBreak, List<EvidenceLine> lines,
      List<EvidenceLine> against, HistoryPattern pattern) {
    if (pattern != null) {
      lines.addAll(HistoryPatterns.lines(ctx, pattern));
    }
    return Verdicts.found(cause(), HistoryPatterns.support(perBreak, pattern), lines, against,
        Remedies.CHANGE_NETWORK, Remedies.SHORTER_PROMPT);
  }

  /** The break's own evidence: its confidence, 0 for none, -1 when it rules the cause out. */
  private static double perBreak(BreakContext ctx, List<EvidenceLine> lines, List<EvidenceLine> against) {
    StreamInfo s = ctx.stream();
    StreamEnded end = s.end();
    if (end == null || !end.isBreak() || end.lastFrameAgoMs() == null) {
      return 0;
    }
    double silence = end.lastFrameAgoMs();
    Double p95 = s.gapP95Ms();
    boolean outOfRhythm = p95 == null || silence >= RHYTHM_FACTOR * p95;
    if (silence < MIN_SILENCE_MS || !outOfRhythm) {
      if (s.startedStreaming() && silence < 2_000) {
        against.add(ctx.line(end, "frames were still arriving " + Math.round(silence)
            + " ms before the break, so the connection was not idle"));
        return -1;
      }
      return 0;
    }
    NetworkClose.Kind close = NetworkClose.of(ctx);
    if (close != NetworkClose.Kind.NETWORK) {
      return 0;
    }
    lines.add(new EvidenceLine(Math.round(-silence), "the stream went silent "
        + Math.round(silence / 1000) + " s before it died"
        + (p95 == null ? "" : " (its usual gap: " + Math.round(p95) + " ms)")));
    lines.add(ctx.line(end, "then the network closed it (" + NetworkClose.describe(ctx) + ")"));
    double confidence = 0.75;
    Double round = round(silence);
    if (round != null) {
      lines.add(ctx.line(end, String.format(Locale.ROOT, "a silence of %.0f s is a common proxy/NAT idle timeout", round)));
      confidence = 0.82;
    }
    TcpProbe silent = Probes.of(ctx).pathSilent();
    if (silent != null) {
      // An idle timer drops idle flows; it does not stop new ones. Fresh connects meeting silence
      // say the path itself is dead (network.blocked's mid-stream reading).
      against.add(ctx.line(silent, "fresh connections to " + silent.host() + " get no answer either"));
      confidence = 0.4;
    }
    return confidence;
  }

  /** The round timeout {@code ms} lies within ±4% of, in seconds, or null. */
  static Double round(double ms) {
    for (double t : ROUND_TIMEOUTS_S) {
      if (Math.abs(ms / 1000 - t) <= t * ROUND_TOLERANCE) {
        return t;
      }
    }
    return null;
  }
}
