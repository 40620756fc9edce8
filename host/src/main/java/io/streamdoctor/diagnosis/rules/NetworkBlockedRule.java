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
import io.streamdoctor.evidence.StreamStalled;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TlsProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The connection to the chat host was refused, reset or timed out before any answer arrived: a
 * firewall or filter on the path (a reset right after the TLS ClientHello is typical of SNI
 * filtering). A reset after the stream started is not this cause.
 *
 * <p>After an established stream died, a post-mortem whose fresh connects to the host meet
 * silence (timeout, unreachable) says the path to the host stopped carrying traffic: the stream
 * was black-holed, not cut by the server. That reading needs the machine's own link to look up
 * (no lost default route, no offline event: then it is network.offline); DNS lookups failing too
 * only confirm that nothing on that path answers.
 */
public final class NetworkBlockedRule implements Rule {
  static final Set<String> BLOCKING = Set.of("refused", "reset", "timeout", "unreachable");

  @Override
  public String cause() {
    return Causes.NETWORK_BLOCKED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    if (ctx.stream().startedStreaming()) {
      TcpProbe after = Probes.of(ctx).tcp();
      if (after != null && "ok".equals(after.outcome()) && after.medianConnectMs() != null) {
        return Verdicts.ruledOut(cause(), "a fresh connection to " + after.host() + ":" + after.port()
            + " succeeded in " + Probes.ms(after.medianConnectMs()));
      }
      return pathWentSilent(ctx);
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
    StreamStalled stuck = ctx.stream().stall();
    if (stuck != null && stuck.connecting() && lines.isEmpty()) {
      // No browser error yet: SYNs dropped on the path keep a connect pending for minutes
      // (tcp_syn_retries, tcp(7)); a server that answers at all is past this phase.
      lines.add(ctx.line(stuck, "the connection to " + ctx.stream().url() + " was still not open after "
          + Math.round(stuck.silentMs() / 1000) + " s, with no answer and no error"));
      confidence = Math.max(confidence, 0.55);
    }
    Probes probes = Probes.of(ctx);
    TcpProbe tcp = probes.tcp();
    TlsProbe tls = probes.tls();
    boolean dnsOk = probes.anyOk(probes.dns(null)) || probes.dns(null).isEmpty();
    if (tcp != null && tcp.successes() == 0 && BLOCKING.contains(tcp.outcome()) && dnsOk) {
      lines.add(ctx.line(tcp, "a fresh connection to " + tcp.host() + ":" + tcp.port() + " was " + tcp.outcome()
          + " (" + tcp.attempts() + " attempts) while DNS answered"));
      confidence = Math.max(confidence, 0.8);
    } else if (tls != null && "reset".equals(tls.outcome()) && tcp != null && "ok".equals(tcp.outcome())) {
      lines.add(ctx.line(tls, "TCP to " + tls.host() + " connects but TLS is reset right after the ClientHello"
          + " (typical of SNI filtering)"));
      confidence = Math.max(confidence, 0.8);
    }
    if (lines.isEmpty()) {
      if (tcp != null && "ok".equals(tcp.outcome()) && tcp.medianConnectMs() != null) {
        return Verdicts.ruledOut(cause(), "a fresh connection to " + tcp.host() + ":" + tcp.port()
            + " succeeded in " + Probes.ms(tcp.medianConnectMs()));
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.CHANGE_NETWORK, Remedies.CONTACT_ISP);
  }

  /** An established stream died and the path to its host answers nothing now (class doc). */
  private RuleResult pathWentSilent(BreakContext ctx) {
    Probes probes = Probes.of(ctx);
    TcpProbe tcp = probes.pathSilent();
    if (tcp == null || OsLink.routeGone(ctx, OfflineRule.WINDOW_BEFORE_MS) != null || OfflineRule.browserOffline(ctx)) {
      return Verdicts.silent(cause());
    }
    List<EvidenceLine> lines = new ArrayList<>();
    lines.add(ctx.line(tcp, "the stream was answering, then your network stopped reaching " + tcp.host()
        + ": a fresh connection to port " + tcp.port() + " got no answer (" + tcp.outcome() + ", "
        + tcp.attempts() + " attempts) while this machine's own link stayed up"));
    double confidence = 0.75;
    if (probes.allDnsFailed()) {
      lines.add(ctx.line(probes.dns(null).get(0), "DNS lookups after the break got no answer either:"
          + " nothing on that path answers now (the stream itself needed no lookup)"));
      confidence = 0.78;
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.CHANGE_NETWORK, Remedies.CONTACT_ISP);
  }
}
