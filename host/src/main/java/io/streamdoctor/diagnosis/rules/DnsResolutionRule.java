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

/** The browser could not resolve the chat host (on the stream or on the page itself). */
public final class DnsResolutionRule implements Rule {
  @Override
  public String cause() {
    return Causes.DNS_RESOLUTION_FAILED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    List<RequestError> candidates = new ArrayList<>(ctx.streamRequestErrors());
    candidates.addAll(ctx.pageRequestErrors(60_000, 5_000));
    for (RequestError e : candidates) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.DNS) {
        lines.add(ctx.line(e, "the browser could not resolve the host of " + e.url() + " ("
            + Verdicts.errorCode(e.error()) + ")"));
      }
    }
    if (!lines.isEmpty()) {
      return Verdicts.found(cause(), 0.95, lines, Remedies.FLUSH_DNS, Remedies.SWITCH_RESOLVER, Remedies.USE_DOH);
    }
    if (ctx.stream().startedStreaming()) {
      return Verdicts.ruledOut(cause(), "the server had already sent " + ctx.stream().frames()
          + " frames, so its name resolved");
    }
    return Verdicts.silent(cause());
  }
}
