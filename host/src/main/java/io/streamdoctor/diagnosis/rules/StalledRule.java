package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.StreamStalled;
import java.util.List;

/**
 * The honest answer when the stream is still open but silent and nothing else explains it: the
 * browser sees no error for a server or path stall (an iptables DROP looks the same).
 */
public final class StalledRule implements Rule {
  @Override
  public String cause() {
    return Causes.STREAM_STALLED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    StreamStalled stall = ctx.stream().stall();
    if (stall == null) {
      return Verdicts.silent(cause());
    }
    if (stall.connecting()) {
      // Connecting forever is network.blocked's evidence; here only its honest fallback.
      List<EvidenceLine> lines = List.of(ctx.line(stall, "the stream stayed in its connecting phase for "
          + Math.round(stall.silentMs() / 1000) + " s"));
      return Verdicts.found(cause(), 0.4, lines, Remedies.REGENERATE, Remedies.CHECK_NETWORK);
    }
    String threshold = stall.thresholdMs() == null ? ""
        : " (threshold " + Math.round(stall.thresholdMs() / 1000) + " s, adapted to its own gaps)";
    List<EvidenceLine> lines =
        List.of(ctx.line(stall, "no frames for " + Math.round(stall.silentMs() / 1000)
            + " s while the connection stayed open" + threshold));
    boolean stillOpen = ctx.stream().end() == null;
    double confidence = stillOpen ? 0.6 : 0.45;
    return Verdicts.found(cause(), confidence, lines, Remedies.REGENERATE, Remedies.CHECK_NETWORK);
  }
}
