package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.evidence.WsProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * The post-mortem probe results that belong to one break: those taken after it, within the
 * probe window, for the host the stream broke on. Probes of another host, or hours later, say
 * nothing about this break.
 */
public final class Probes {
  /** Probes this long after the break still describe it (the post-mortem deadline is 2 s). */
  static final double WINDOW_MS = 120_000;

  private final BreakContext ctx;
  private final String host;

  Probes(BreakContext ctx) {
    this.ctx = ctx;
    this.host = hostOf(ctx.stream().url());
  }

  public static Probes of(BreakContext ctx) {
    return new Probes(ctx);
  }

  public String host() {
    return host;
  }

  public List<DnsProbe> dns(String resolverKind) {
    List<DnsProbe> out = new ArrayList<>();
    for (DnsProbe p : ctx.near(DnsProbe.class, 5_000, WINDOW_MS)) {
      if ((host == null || host.equals(p.host())) && (resolverKind == null || resolverKind.equals(p.resolverKind()))) {
        out.add(p);
      }
    }
    return out;
  }

  public TcpProbe tcp() {
    TcpProbe last = null;
    for (TcpProbe p : ctx.near(TcpProbe.class, 5_000, WINDOW_MS)) {
      if (host == null || host.equals(p.host())) {
        last = p;
      }
    }
    return last;
  }

  public TlsProbe tls() {
    TlsProbe last = null;
    for (TlsProbe p : ctx.near(TlsProbe.class, 5_000, WINDOW_MS)) {
      if (host == null || host.equals(p.host())) {
        last = p;
      }
    }
    return last;
  }

  /** The HTTP status a fresh WebSocket upgrade got from the site, when one was probed. */
  public Integer wsUpgradeStatus() {
    Integer status = null;
    for (WsProbe p : ctx.near(WsProbe.class, 5_000, WINDOW_MS)) {
      if (p.httpStatus() != null && (host == null || host.equals(p.host()))) {
        status = p.httpStatus();
      }
    }
    return status;
  }

  /**
   * The resolver-identity check that shows a transparent DNS proxy answering for a public
   * resolver (ResolverIdentity#showsTransparentProxy), or null.
   */
  public ResolverIdentity transparentProxy() {
    List<DnsProbe> all = dns(null);
    for (ResolverIdentity id : ctx.near(ResolverIdentity.class, 5_000, WINDOW_MS)) {
      if (id.showsTransparentProxy(all)) {
        return id;
      }
    }
    return null;
  }

  public StatusPage status() {
    StatusPage last = null;
    for (StatusPage p : ctx.near(StatusPage.class, 600_000, WINDOW_MS)) {
      if (ctx.site() == null || ctx.site().equals(p.site())) {
        last = p;
      }
    }
    return last;
  }

  /** Outcomes of a connect that met silence, not an answer: packets go out, nothing comes back. */
  private static final java.util.Set<String> NO_ANSWER = java.util.Set.of("timeout", "unreachable");

  /**
   * The fresh TCP connects to the stream's host all went unanswered (timeout, unreachable): the
   * path to it carries no traffic now. A refusal or reset is an answer and does not count.
   */
  public TcpProbe pathSilent() {
    TcpProbe t = tcp();
    return t != null && t.attempts() > 0 && t.successes() == 0 && NO_ANSWER.contains(t.outcome()) ? t : null;
  }

  /** Every DNS lookup the post-mortem made for the host failed (false when none was made). */
  public boolean allDnsFailed() {
    List<DnsProbe> all = dns(null);
    return !all.isEmpty() && all.stream().allMatch(DnsProbe::failed);
  }

  public boolean anyOk(List<DnsProbe> probes) {
    return probes.stream().anyMatch(p -> "ok".equals(p.outcome()));
  }

  public static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    int start = url.indexOf("://");
    String rest = start < 0 ? url : url.substring(start + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String hostPort = rest.substring(0, end);
    if (hostPort.startsWith("[")) {
      return hostPort.substring(1, Math.max(1, hostPort.indexOf(']')));
    }
    int colon = hostPort.lastIndexOf(':');
    return colon > 0 ? hostPort.substring(0, colon) : hostPort;
  }

  public static String ms(double v) {
    return Math.round(v) + " ms";
  }
}
