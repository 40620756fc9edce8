package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TcpRetransmits;
import java.util.ArrayList;
import java.util.List;

/**
 * Loss on the path: the machine's TCP retransmission ratio spiked while the stream ran (kernel
 * counters, sampled each second), or the post-mortem's repeated connects lost attempts.
 */
public final class PacketLossRule implements Rule {
  /** Healthy paths retransmit well under 1% of segments; 3% is loss users feel. */
  static final double RATIO = 0.03;
  static final double MIN_RETRANS_PER_S = 3;

  @Override
  public String cause() {
    return Causes.NETWORK_PACKET_LOSS;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    TcpRetransmits worst = null;
    int samples = 0;
    for (TcpRetransmits r : ctx.all(TcpRetransmits.class)) {
      if (r.ts() >= ctx.streamStart() - 2_000 && r.ts() <= ctx.breakTs() + 2_000) {
        samples++;
        if (worst == null || r.ratio() > worst.ratio()) {
          worst = r;
        }
      }
    }
    if (worst != null && worst.ratio() >= RATIO && worst.retransPerS() >= MIN_RETRANS_PER_S) {
      lines.add(ctx.line(worst, String.format("TCP retransmissions reached %.1f%% (%.0f segments/s) during the stream",
          worst.ratio() * 100, worst.retransPerS())));
      confidence = worst.ratio() >= 2 * RATIO ? 0.75 : 0.6;
    }
    TcpProbe tcp = Probes.of(ctx).tcp();
    if (tcp != null && tcp.attempts() > 1 && tcp.successes() > 0 && tcp.successes() < tcp.attempts()) {
      lines.add(ctx.line(tcp, tcp.successes() + " of " + tcp.attempts() + " fresh connections to "
          + tcp.host() + " succeeded"));
      confidence = Math.max(confidence, 0.55) + (confidence > 0 ? 0.1 : 0);
    }
    if (lines.isEmpty()) {
      if (worst != null && samples >= 2) {
        return Verdicts.ruledOut(cause(), String.format(
            "TCP retransmissions stayed at %.1f%% or less during the stream", worst.ratio() * 100));
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.REGENERATE, Remedies.STABILIZE_LINK);
  }
}
