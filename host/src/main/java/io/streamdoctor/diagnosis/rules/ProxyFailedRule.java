package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.BrowserProxy;
import io.streamdoctor.evidence.RequestError;
import java.util.ArrayList;
import java.util.List;

/** The configured proxy could not be reached or refused the tunnel. */
public final class ProxyFailedRule implements Rule {
  @Override
  public String cause() {
    return Causes.PROXY_FAILED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    List<RequestError> ours = new ArrayList<>(ctx.streamRequestErrors());
    ours.addAll(ctx.pageRequestErrors(60_000, 5_000));
    for (RequestError e : ours) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.PROXY) {
        lines.add(ctx.line(e, "the proxy failed for " + e.url() + " (" + Verdicts.errorCode(e.error()) + ")"));
      }
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    List<BrowserProxy> proxies = ctx.all(BrowserProxy.class);
    if (!proxies.isEmpty()) {
      BrowserProxy p = proxies.get(proxies.size() - 1);
      lines.add(ctx.line(p, "browser proxy mode " + p.mode() + " (" + p.levelOfControl() + ")"));
    }
    return Verdicts.found(cause(), 0.95, lines, Remedies.FIX_PROXY);
  }
}
