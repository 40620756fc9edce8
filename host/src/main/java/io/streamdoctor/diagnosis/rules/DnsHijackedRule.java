package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.evidence.TlsProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The system resolver lies: a private/bogon answer for a public chat host, or answers that differ
 * from the public resolvers' while TLS to them fails. Different answers alone are weak: CDNs hand
 * out different addresses by design. A private answer the public resolvers give too is no lie: the
 * name really points there (an internal name, a split-horizon zone, the namespace lab), so it
 * counts only when no public resolver confirms it — unless the resolver-identity check shows a
 * transparent DNS proxy answering for the public resolvers (ResolverIdentity): then their answers
 * are the proxy's own and confirm nothing, and the proxy itself supports the finding.
 */
public final class DnsHijackedRule implements Rule {
  static final double PROXY_ALONE = 0.3;

  @Override
  public String cause() {
    return Causes.DNS_HIJACKED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    Probes probes = Probes.of(ctx);
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    TlsProbe tls = probes.tls();
    boolean tlsBad = tls != null && (!"ok".equals(tls.outcome()) || !tls.expectedIssuer());
    Set<String> publicAnswers = new HashSet<>();
    for (DnsProbe p : probes.dns(null)) {
      if (!"system".equals(p.resolverKind()) && "ok".equals(p.outcome())) {
        publicAnswers.addAll(p.answers());
      }
    }
    ResolverIdentity proxy = probes.transparentProxy();
    List<DnsProbe> confirmed = new ArrayList<>();
    for (DnsProbe p : probes.dns("system")) {
      if (p.bogon() && proxy == null && p.answers().stream().anyMatch(publicAnswers::contains)) {
        confirmed.add(p);
      } else if (p.bogon()) {
        lines.add(ctx.line(p, "your resolver " + p.resolver() + " answered " + p.host() + " with a private address "
            + String.join(", ", p.answers()) + (publicAnswers.isEmpty() ? ""
            : "; the public resolvers answered " + String.join(", ", new TreeSet<>(publicAnswers)))));
        confidence = Math.max(confidence, 0.85);
      } else if (p.disagrees()) {
        lines.add(ctx.line(p, "your resolver's answer " + String.join(", ", p.answers())
            + " differs from the public resolvers'"));
        confidence = Math.max(confidence, tlsBad ? 0.88 : 0.3);
      }
    }
    if (proxy != null) {
      String line = "queries to " + proxy.resolver() + " are answered, but its own identity query is not ("
          + proxy.outcome() + "): a transparent DNS proxy answers in its name";
      if (lines.isEmpty()) {
        // A proxy on the path explains nothing by itself: a runner-up below the 0.35 fallback.
        return Verdicts.found(cause(), PROXY_ALONE, List.of(ctx.line(proxy, line)), Remedies.USE_DOH,
            Remedies.CONTACT_ISP);
      }
      lines.add(ctx.line(proxy, line));
      confidence = Math.min(0.92, confidence + 0.04);
    }
    if (lines.isEmpty()) {
      List<DnsProbe> system = probes.dns("system");
      if (!confirmed.isEmpty()) {
        DnsProbe p = confirmed.get(0);
        return Verdicts.ruledOut(cause(), "the public resolvers give the same private address "
            + String.join(", ", p.answers()) + " for " + p.host() + " as your resolver");
      }
      if (!system.isEmpty() && system.stream().allMatch(p -> "ok".equals(p.outcome()) && !p.disagrees() && !p.bogon())) {
        return Verdicts.ruledOut(cause(), "your resolver's answers for " + system.get(0).host()
            + " agree with the public resolvers");
      }
      return Verdicts.silent(cause());
    }
    if (tlsBad) {
      // A handshake that never completed has no issuer to show (refused, timeout, reset).
      lines.add(ctx.line(tls, "ok".equals(tls.outcome())
          ? "TLS to the answered address showed an unexpected issuer: " + tls.issuer()
          : "TLS to the answered address failed (" + tls.outcome() + ")"));
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.USE_DOH, Remedies.CONTACT_ISP);
  }
}
