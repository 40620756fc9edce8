package io.streamdoctor.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.SystemProxy;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TcpRetransmits;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.evidence.WsProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VerdictTest {
  static DnsProbe dns(String kind, String outcome, boolean bogon, boolean disagrees) {
    return dns(kind, outcome, bogon ? "10.10.34.35" : "104.18.32.47", bogon, disagrees);
  }

  static DnsProbe dns(String kind, String outcome, String answer, boolean bogon, boolean disagrees) {
    return new DnsProbe(0, "chatgpt.com", kind.equals("system") ? "192.168.1.1" : "1.1.1.1", kind, null,
        List.of(answer), 10, outcome, bogon, disagrees);
  }

  static final TcpProbe TCP_OK = new TcpProbe(0, "chatgpt.com", 443, 3, 3, 12.0, "ok");
  static final TlsProbe TLS_OK = new TlsProbe(0, "chatgpt.com", "ok", "Google Trust Services (WE1)", true, 30.0);

  private static List<String> causes(List<Evidence> local, List<Evidence> site) {
    return Verdict.analyze(local, Map.of("chatgpt", site)).stream()
        .filter(f -> !f.level().equals("ok")).map(f -> f.level() + ":" + f.cause()).toList();
  }

  @Test
  void analyze_allGood_healthyWithOkLine() {
    List<Finding> f = Verdict.analyze(List.of(), Map.of("chatgpt", List.of(dns("system", "ok", false, false),
        dns("public", "ok", false, false), TCP_OK, TLS_OK)));
    assertTrue(Verdict.healthy(f));
    assertEquals("ok", f.get(0).level());
  }

  @Test
  void analyze_systemNxdomainPublicOk_resolutionFailed() {
    assertEquals(List.of("problem:dns.resolution_failed"),
        causes(List.of(), List.of(dns("system", "nxdomain", false, false), dns("public", "ok", false, false), TCP_OK, TLS_OK)));
  }

  @Test
  void analyze_bogonAnswer_hijacked() {
    assertEquals(List.of("problem:dns.hijacked"),
        causes(List.of(), List.of(dns("system", "ok", true, true), dns("public", "ok", false, false), TCP_OK, TLS_OK)));
  }

  @Test
  void analyze_privateAnswerPublicResolversGiveToo_notHijacked() {
    assertEquals(List.of(), causes(List.of(), List.of(dns("system", "ok", "10.214.7.1", true, false),
        dns("public", "ok", "10.214.7.1", true, false), TCP_OK, TLS_OK)));
  }

  @Test
  void analyze_disagreeOnlyWithGoodTls_warningNotProblem() {
    List<String> c = causes(List.of(), List.of(dns("system", "ok", false, true), dns("public", "ok", false, false), TCP_OK, TLS_OK));
    assertEquals(List.of("warning:null"), c);
  }

  @Test
  void analyze_disagreeAndTlsUntrusted_hijackedAndIntercepted() {
    TlsProbe bad = new TlsProbe(0, "chatgpt.com", "untrusted", "Kaspersky Anti-Virus Personal Root", false, 20.0);
    List<String> c = causes(List.of(), List.of(dns("system", "ok", false, true), dns("public", "ok", false, false), TCP_OK, bad));
    assertEquals(List.of("problem:dns.hijacked", "problem:tls.intercepted"), c);
  }

  @Test
  void analyze_tcpRefusedWhileDnsOk_blocked() {
    TcpProbe refused = new TcpProbe(0, "chatgpt.com", 443, 3, 0, null, "refused");
    assertEquals(List.of("problem:network.blocked"), causes(List.of(), List.of(dns("system", "ok", false, false), refused)));
  }

  @Test
  void analyze_tlsResetAfterConnect_blockedBySni() {
    TlsProbe reset = new TlsProbe(0, "chatgpt.com", "reset", null, false, null);
    assertEquals(List.of("problem:network.blocked"), causes(List.of(), List.of(dns("system", "ok", false, false), TCP_OK, reset)));
  }

  @Test
  void analyze_statusIncidentAndWs429() {
    List<String> c = causes(List.of(), List.of(TCP_OK, new WsProbe(0, "copilot.microsoft.com", "rejected", 429, 5.0),
        new StatusPage(0, "chatgpt", "major", List.of("ChatGPT: partial_outage"))));
    assertEquals(List.of("warning:server.overloaded", "problem:server.error"), c);
  }

  @Test
  void analyze_publicResolverAnswersButChaosIdentityFails_transparentProxyWarning() {
    List<Evidence> ev = List.of(dns("public", "ok", false, false), TCP_OK, TLS_OK,
        new io.streamdoctor.evidence.ResolverIdentity(0, "1.1.1.1", "whoami.cloudflare", null, "refused"));
    assertEquals(List.of("warning:dns.hijacked"), causes(List.of(), ev));
    List<Evidence> fine = List.of(dns("public", "ok", false, false), TCP_OK, TLS_OK,
        new io.streamdoctor.evidence.ResolverIdentity(0, "1.1.1.1", "whoami.cloudflare", "81.2.69.160", "ok"));
    assertEquals(List.of(), causes(List.of(), fine));
  }

  @Test
  void analyze_unknownStatusPage_neverAnIncident() {
    assertTrue(Verdict.healthy(Verdict.analyze(List.of(), Map.of("x", List.of(new StatusPage(0, "x", "unknown", List.of()))))));
  }

  @Test
  void analyze_localOfflineLossAndDoubleProxy() {
    List<Evidence> local = List.of(new NetworkChange(0, "no_default_route", null, null),
        new NetworkChange(0, "vpn_present", "wg0", null), new SystemProxy(0, "env", "manual", true),
        new TcpRetransmits(0, 200, 30, 0.15));
    List<String> c = Verdict.analyze(local, Map.of()).stream().map(f -> f.level() + ":" + f.cause()).toList();
    assertEquals(List.of("problem:network.offline", "warning:network.packet_loss", "warning:proxy.double"), c);
  }

  @Test
  void analyze_fewSegmentsRetransmitted_notLossy() {
    assertFalse(Verdict.analyze(List.of(new TcpRetransmits(0, 5, 1, 0.2)), Map.of()).stream()
        .anyMatch(f -> "network.packet_loss".equals(f.cause())));
  }
}
