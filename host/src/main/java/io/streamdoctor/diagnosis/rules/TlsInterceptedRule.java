package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.TlsProbe;
import java.util.ArrayList;
import java.util.List;

/** Certificate or TLS errors on the chat host: antivirus or corporate interception. */
public final class TlsInterceptedRule implements Rule {
  @Override
  public String cause() {
    return Causes.TLS_INTERCEPTED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    List<RequestError> ours = new ArrayList<>(ctx.streamRequestErrors());
    ours.addAll(ctx.pageRequestErrors(60_000, 5_000));
    for (RequestError e : ours) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.TLS) {
        lines.add(ctx.line(e, "TLS failed for " + e.url() + " (" + Verdicts.errorCode(e.error()) + ")"));
      }
    }
    TlsProbe tls = Probes.of(ctx).tls();
    if (tls != null && "ok".equals(tls.outcome()) && !tls.expectedIssuer()) {
      lines.add(ctx.line(tls, "the certificate for " + tls.host() + " was issued by " + tls.issuer()
          + ", not a public CA the site uses: something on this machine or network intercepts TLS"));
    }
    if (lines.isEmpty()) {
      if (tls != null && "ok".equals(tls.outcome()) && tls.expectedIssuer()) {
        return Verdicts.ruledOut(cause(), "the certificate for " + tls.host() + " comes from " + tls.issuer()
            + ", as expected");
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), 0.85, lines, Remedies.ALLOWLIST_IN_AV);
  }
}
