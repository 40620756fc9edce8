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

/**
 * Certificate or TLS errors on the chat host, or a post-mortem handshake that shows someone
 * else's certificate: antivirus or corporate interception. A chain the JDK does not trust is read
 * as interception too: such products install their own root in the operating system's store
 * (never in the JDK's), so a chat host's chain that verifies only there (TlsProbe.osTrusted) is
 * the signature of TLS inspection; one that verifies nowhere is weaker (a runner-up below the
 * 0.35 fallback), because a test or broken setup can show that too.
 */
public final class TlsInterceptedRule implements Rule {
  static final double UNTRUSTED_NOWHERE = 0.3;

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
    double confidence = lines.isEmpty() ? 0 : 0.85;
    if (tls != null && "ok".equals(tls.outcome()) && !tls.expectedIssuer()) {
      lines.add(ctx.line(tls, "the certificate for " + tls.host() + " was issued by " + tls.issuer()
          + ", not a public CA the site uses: something on this machine or network intercepts TLS"));
      confidence = 0.85;
    } else if (tls != null && "untrusted".equals(tls.outcome()) && tls.issuer() != null) {
      boolean local = Boolean.TRUE.equals(tls.osTrusted());
      boolean inspector = TlsInspectors.named(tls.issuer());
      lines.add(ctx.line(tls, "the certificate for " + tls.host() + " was issued by " + tls.issuer()
          + (local ? ", a root installed in this system's trust store but not a public CA: TLS inspection"
              + " by antivirus or a corporate proxy"
              : inspector ? ", the root of a TLS-inspecting product (antivirus or a corporate proxy)"
              : ", which no trust store on this machine accepts")));
      confidence = Math.max(confidence, local || inspector ? 0.85 : UNTRUSTED_NOWHERE);
    }
    if (lines.isEmpty()) {
      if (tls != null && "ok".equals(tls.outcome()) && tls.expectedIssuer()) {
        return Verdicts.ruledOut(cause(), "the certificate for " + tls.host() + " comes from " + tls.issuer()
            + ", as expected");
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.ALLOWLIST_IN_AV);
  }
}
