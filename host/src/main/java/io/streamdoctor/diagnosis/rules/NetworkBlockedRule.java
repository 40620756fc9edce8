package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.RequestError;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection to the chat host was refused, reset or timed out before any answer arrived: a
 * firewall or filter on the path (a reset right after the TLS ClientHello is typical of SNI
 * filtering). A reset after the stream started is not this cause.
 */
public final class NetworkBlockedRule implements Rule {
  @Override
  public String cause() {
    return Causes.NETWORK_BLOCKED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    if (ctx.stream().startedStreaming()) {
      return Verdicts.silent(cause());
    }
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    List<RequestError> ours = new ArrayList<>(ctx.streamRequestErrors());
    ours.addAll(ctx.pageRequestErrors(60_000, 5_000));
    for (RequestError e : ours) {
      NetErrors.Kind k = NetErrors.kind(e.error());
      if (k == NetErrors.Kind.REFUSED || k == NetErrors.Kind.TIMED_OUT || k == NetErrors.Kind.UNREACHABLE) {
        lines.add(ctx.line(e, "the connection to " + e.url() + " failed before any answer ("
            + Verdicts.errorCode(e.error()) + ")"));
        confidence = Math.max(confidence, 0.7);
      } else if (k == NetErrors.Kind.RESET) {
        lines.add(ctx.line(e, "the connection to " + e.url() + " was reset before any answer"));
        confidence = Math.max(confidence, 0.6);
      }
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.CHANGE_NETWORK, Remedies.CONTACT_ISP);
  }
}
