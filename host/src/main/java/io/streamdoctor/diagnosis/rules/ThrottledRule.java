package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.diagnosis.TriggerKind;
import io.streamdoctor.evidence.StreamProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput collapse on a long-lived stream: the last stretch ran at a fraction of the stream's
 * own early rate (progress summaries carry cumulative bytes, so rates come from their deltas).
 */
public final class ThrottledRule implements Rule {
  static final double MIN_LIFETIME_MS = 20_000;
  static final double COLLAPSE = 0.2;

  @Override
  public String cause() {
    return Causes.NETWORK_THROTTLED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    if (ctx.trigger().kind() == TriggerKind.SLOW && ctx.trigger().note() != null) {
      // The answer completed, far slower than answers stream (diagnosis.SlowStreams); without
      // loss evidence (PacketLossRule) a slow path is the likeliest reading.
      return Verdicts.found(cause(), 0.5, List.of(ctx.lineAtBreak("the answer came slowly: " + ctx.trigger().note())),
          Remedies.OTHER_ROUTE);
    }
    String stream = ctx.trigger().stream();
    List<StreamProgress> p = new ArrayList<>();
    for (StreamProgress s : ctx.all(StreamProgress.class)) {
      if (stream != null && stream.equals(s.stream()) && s.ts() <= ctx.breakTs() + 1_000) {
        p.add(s);
      }
    }
    if (p.size() < 4 || p.get(p.size() - 1).ts() - p.get(0).ts() < MIN_LIFETIME_MS) {
      return Verdicts.silent(cause());
    }
    int half = p.size() / 2;
    double early = rate(p.get(0), p.get(half));
    double late = rate(p.get(p.size() - 2), p.get(p.size() - 1));
    if (early <= 0 || late >= COLLAPSE * early) {
      return Verdicts.silent(cause());
    }
    List<EvidenceLine> lines = List.of(ctx.line(p.get(p.size() - 1), String.format(
        "throughput fell from %.1f KB/s early in the stream to %.1f KB/s at the end", early / 1000, late / 1000)));
    return Verdicts.found(cause(), 0.55, lines, Remedies.OTHER_ROUTE);
  }

  private static double rate(StreamProgress a, StreamProgress b) {
    double dt = (b.ts() - a.ts()) / 1000;
    return dt <= 0 ? 0 : (b.bytes() - a.bytes()) / dt;
  }
}
