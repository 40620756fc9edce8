package io.streamdoctor.doctor;

import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.SystemProxy;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TcpRetransmits;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.evidence.WsProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the doctor's evidence into findings. Pure: the same evidence always gives the same
 * verdict. Thresholds are deliberately conservative — a doctor that cries wolf gets ignored.
 */
public final class Verdict {
  /** Above this share of retransmitted segments (with enough traffic to judge) the link is lossy. */
  static final double LOSSY_RATIO = 0.05;
  static final double MIN_SEGS_PER_S = 20;

  private Verdict() {}

  /** {@code bySite}: each site id → the post-mortem evidence for it; {@code local}: OS evidence. */
  public static List<Finding> analyze(List<Evidence> local, Map<String, List<Evidence>> bySite) {
    List<Finding> out = new ArrayList<>();
    boolean vpn = false;
    boolean proxied = false;
    for (Evidence e : local) {
      if (e instanceof NetworkChange c && c.kind().equals("no_default_route")) {
        out.add(Finding.problem("network.offline", null, "no default route: this machine is offline"));
      } else if (e instanceof NetworkChange c && c.kind().equals("vpn_present")) {
        vpn = true;
      } else if (e instanceof SystemProxy p && p.proxied()) {
        proxied = true;
      } else if (e instanceof TcpRetransmits t && t.ratio() > LOSSY_RATIO && t.segsPerS() >= MIN_SEGS_PER_S) {
        out.add(Finding.warning("network.packet_loss", null, String.format(
            "%.1f%% of TCP segments were retransmitted in the last second", t.ratio() * 100)));
      }
    }
    if (vpn && proxied) {
      out.add(Finding.warning("proxy.double", null, "a VPN interface is up and a system proxy is set: two routing layers"));
    }
    bySite.forEach((site, ev) -> out.addAll(site(site, ev)));
    return out;
  }

  static List<Finding> site(String site, List<Evidence> ev) {
    List<Finding> out = new ArrayList<>();
    List<DnsProbe> dns = of(ev, DnsProbe.class);
    List<DnsProbe> system = dns.stream().filter(d -> d.resolverKind().equals("system")).toList();
    boolean publicOk = dns.stream().anyMatch(d -> !d.resolverKind().equals("system") && !d.failed());
    boolean systemOk = system.stream().anyMatch(d -> !d.failed());
    // A private address the public resolvers give too is where the name really points, no lie.
    Set<String> publicAnswers = new HashSet<>();
    dns.stream().filter(d -> !d.resolverKind().equals("system") && !d.failed()).forEach(d -> publicAnswers.addAll(d.answers()));
    for (DnsProbe d : system) {
      if (d.failed() && publicOk) {
        out.add(Finding.problem("dns.resolution_failed", site, "your resolver " + d.resolver() + " answers "
            + d.outcome() + " for " + d.host() + " while public resolvers answer"));
      } else if (d.bogon() && d.answers().stream().noneMatch(publicAnswers::contains)) {
        out.add(Finding.problem("dns.hijacked", site, "your resolver " + d.resolver() + " answers a private/reserved address "
            + d.answers() + " for " + d.host()));
      }
    }
    if (!dns.isEmpty() && !systemOk && !publicOk) {
      out.add(Finding.problem("dns.resolution_failed", site, "no resolver answered for " + dns.get(0).host()
          + " (offline, or DNS is blocked)"));
    }
    boolean disagrees = system.stream().anyMatch(d -> d.disagrees() && !d.bogon());
    TlsProbe tls = first(ev, TlsProbe.class);
    boolean tlsBad = tls != null && (tls.outcome().equals("untrusted") || (tls.outcome().equals("ok") && !tls.expectedIssuer()));
    if (disagrees && tlsBad) {
      out.add(Finding.problem("dns.hijacked", site, "your resolver's answers differ from public resolvers and TLS to them fails"));
    } else if (disagrees) {
      out.add(Finding.warning(null, site, "your resolver's answers differ from public resolvers (CDNs may do this; TLS is fine)"));
    }
    out.addAll(interception(site, dns, of(ev, ResolverIdentity.class)));
    TcpProbe tcp = first(ev, TcpProbe.class);
    if (tcp != null && !tcp.outcome().equals("ok") && (systemOk || publicOk)) {
      out.add(Finding.problem("network.blocked", site, "TCP to " + tcp.host() + ":" + tcp.port() + " " + tcp.outcome()
          + " (" + tcp.successes() + "/" + tcp.attempts() + " connects)"));
    } else if (tcp != null && tcp.successes() < tcp.attempts() && tcp.attempts() > 0) {
      out.add(Finding.warning("network.packet_loss", site, (tcp.attempts() - tcp.successes()) + " of " + tcp.attempts()
          + " TCP connects to " + tcp.host() + " failed"));
    }
    if (tls != null && tcp != null && tcp.outcome().equals("ok")) {
      if (tls.outcome().equals("reset")) {
        out.add(Finding.problem("network.blocked", site, "TLS to " + tls.host() + " was reset during the handshake (SNI filtering?)"));
      } else if (tlsBad) {
        out.add(Finding.problem("tls.intercepted", site, "TLS to " + tls.host() + " is signed by " + tls.issuer()
            + (tls.outcome().equals("untrusted") ? ", which is not a trusted public CA" : ", not an expected public CA")));
      } else if (!tls.outcome().equals("ok")) {
        out.add(Finding.warning(null, site, "TLS handshake with " + tls.host() + ": " + tls.outcome()));
      }
    }
    WsProbe ws = first(ev, WsProbe.class);
    if (ws != null && ws.outcome().equals("rejected")) {
      int st = ws.httpStatus() == null ? 0 : ws.httpStatus();
      String cause = st == 429 ? "server.overloaded" : st >= 500 ? "server.error" : st == 401 || st == 403 ? "session.conflict" : null;
      out.add(Finding.warning(cause, site, "the WebSocket upgrade to " + ws.host() + " was answered HTTP " + st));
    } else if (ws != null && !ws.outcome().equals("ok")) {
      out.add(Finding.warning(null, site, "the WebSocket upgrade to " + ws.host() + ": " + ws.outcome()));
    }
    StatusPage sp = first(ev, StatusPage.class);
    if (sp != null && sp.incident()) {
      out.add(Finding.problem("server.error", site, "the status page reports a " + sp.indicator() + " incident"
          + (sp.affected().isEmpty() ? "" : ": " + String.join(", ", sp.affected()))));
    }
    if (out.stream().noneMatch(f -> f.level().equals("problem"))) {
      out.add(Finding.ok(site, "reachable" + (tcp != null && tcp.medianConnectMs() != null
          ? String.format(" (TCP connect %.0f ms)", tcp.medianConnectMs()) : "")));
    }
    return out;
  }

  /** A transparent DNS proxy answering for a public resolver (ResolverIdentity). */
  static List<Finding> interception(String site, List<DnsProbe> dns, List<ResolverIdentity> ids) {
    List<Finding> out = new ArrayList<>();
    for (ResolverIdentity id : ids) {
      if (id.showsTransparentProxy(dns)) {
        out.add(Finding.warning("dns.hijacked", site, "queries to " + id.resolver()
            + " are answered, but its own identity query is not (" + id.outcome() + "): a transparent DNS proxy?"));
      }
    }
    return out;
  }

  public static boolean healthy(List<Finding> findings) {
    return findings.stream().noneMatch(f -> f.level().equals("problem"));
  }

  private static <T> List<T> of(List<Evidence> ev, Class<T> type) {
    return ev.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T> T first(List<Evidence> ev, Class<T> type) {
    return ev.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }
}
