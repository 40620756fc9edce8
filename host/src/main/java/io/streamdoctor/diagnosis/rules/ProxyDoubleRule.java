package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.BrowserProxy;
import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.evidence.SystemProxy;
import java.util.ArrayList;
import java.util.List;

/** Two routing layers at once: a VPN interface is up and a browser or system proxy is set too. */
public final class ProxyDoubleRule implements Rule {
  @Override
  public String cause() {
    return Causes.PROXY_DOUBLE;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    NetworkChange vpn = null;
    for (NetworkChange c : ctx.all(NetworkChange.class)) {
      if (c.ts() > ctx.breakTs() + 2_000) {
        continue;
      }
      if ("vpn_up".equals(c.kind()) || "vpn_present".equals(c.kind())) {
        vpn = c;
      } else if ("vpn_down".equals(c.kind()) && vpn != null && c.iface() != null && c.iface().equals(vpn.iface())) {
        vpn = null;
      }
    }
    EvidenceLine proxyLine = null;
    for (BrowserProxy p : ctx.all(BrowserProxy.class)) {
      if (p.ts() <= ctx.breakTs() + 2_000) {
        proxyLine = p.usesProxy() ? ctx.line(p, "the browser uses a proxy (" + p.mode() + ")") : null;
      }
    }
    for (SystemProxy p : ctx.all(SystemProxy.class)) {
      if (p.ts() <= ctx.breakTs() + 2_000 && p.proxied() && proxyLine == null) {
        proxyLine = ctx.line(p, "the system proxy is set (" + p.source() + ")");
      }
    }
    if (vpn == null || proxyLine == null) {
      return Verdicts.silent(cause());
    }
    List<EvidenceLine> lines = new ArrayList<>();
    lines.add(ctx.line(vpn, "VPN interface " + vpn.iface() + " is up"));
    lines.add(proxyLine);
    return Verdicts.found(cause(), 0.65, lines, Remedies.KEEP_ONE_ROUTING_LAYER);
  }
}
