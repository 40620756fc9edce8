package io.streamdoctor.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.config.IdentityQuery;
import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.testing.TestDnsServer;
import io.streamdoctor.testing.TestDnsServer.Mode;
import io.streamdoctor.testing.TestDohServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every resolver here is a real DNS server on 127.0.0.1; nothing leaves the machine. */
@Timeout(20)
class DnsProberTest {
  private static final String HOST = "chat.example.test";
  private TestDnsServer system;
  private TestDnsServer pub;
  private TestDohServer doh;

  @BeforeEach
  void start() throws Exception {
    system = new TestDnsServer();
    pub = new TestDnsServer();
    doh = new TestDohServer(pub);
  }

  @AfterEach
  void stop() {
    doh.close();
    system.close();
    pub.close();
  }

  private List<Evidence> probe(long budgetMs) {
    Targets t = new Targets(List.of(system.address()), List.of(pub.address()), doh.url(),
        List.of(new IdentityQuery("whoami.test", "IN", "system"), new IdentityQuery("whoami.ch.test", "CH", pub.address())),
        List.of(), List.of(), Map.of());
    DnsProber prober = new DnsProber(t, List::of, DohClient.standard(), () -> 1000.0);
    return prober.probe(HOST, budgetMs).join();
  }

  private static DnsProbe at(List<Evidence> ev, String kind) {
    return ev.stream().filter(e -> e instanceof DnsProbe d && d.resolverKind().equals(kind))
        .map(e -> (DnsProbe) e).findFirst().orElseThrow();
  }

  @Test
  void probe_allAnswerAlike_okAndAgreeing() {
    List<Evidence> ev = probe(1500);
    for (String kind : List.of("system", "public", "doh")) {
      DnsProbe d = at(ev, kind);
      assertEquals("ok", d.outcome(), kind);
      assertEquals("NOERROR", d.rcode());
      assertEquals(List.of("104.18.32.47"), d.answers());
      assertFalse(d.bogon());
      assertFalse(d.disagrees());
    }
  }

  @Test
  void probe_systemNxdomain_classifiedNxdomainWhilePublicAnswers() {
    system.mode(Mode.NXDOMAIN);
    List<Evidence> ev = probe(1500);
    assertEquals("nxdomain", at(ev, "system").outcome());
    assertEquals("NXDOMAIN", at(ev, "system").rcode());
    assertEquals("ok", at(ev, "public").outcome());
  }

  @Test
  void probe_systemServfail_classifiedServfail() {
    system.mode(Mode.SERVFAIL);
    assertEquals("servfail", at(probe(1500), "system").outcome());
  }

  @Test
  void probe_systemSlowerThanBudget_timeoutWithinBudget() {
    system.mode(Mode.SLOW).slowMs(3000);
    long start = System.nanoTime();
    List<Evidence> ev = probe(1000);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("timeout", at(ev, "system").outcome());
    assertEquals("ok", at(ev, "public").outcome());
    assertTrue(tookMs < 1500, "took " + tookMs + " ms");
  }

  @Test
  void probe_systemSlowButWithinBudget_ok() {
    system.mode(Mode.SLOW).slowMs(300);
    DnsProbe d = at(probe(1500), "system");
    assertEquals("ok", d.outcome());
    assertTrue(d.latencyMs() >= 290, "latency " + d.latencyMs());
  }

  @Test
  void probe_everyResolverDead_allTimeoutUnderTwoSeconds() {
    system.mode(Mode.SILENT);
    pub.mode(Mode.SILENT);
    long start = System.nanoTime();
    List<Evidence> ev = probe(1800);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMs < 2000, "took " + tookMs + " ms");
    for (String kind : List.of("system", "public", "doh")) {
      assertTrue(at(ev, kind).failed(), kind);
    }
    assertEquals("timeout", at(ev, "system").outcome());
    assertEquals("timeout", at(ev, "public").outcome());
    ev.stream().filter(e -> e instanceof ResolverIdentity).forEach(e -> assertEquals("timeout", ((ResolverIdentity) e).outcome()));
  }

  @Test
  void probe_systemAnswersPrivateAddress_flaggedBogon() {
    system.answers("10.10.34.35");
    DnsProbe d = at(probe(1500), "system");
    assertEquals("ok", d.outcome());
    assertTrue(d.bogon());
    assertTrue(d.disagrees());
    assertFalse(at(probe(1500), "public").bogon());
  }

  @Test
  void probe_systemAnswersOtherPublicAddress_flaggedDisagreeing() {
    system.answers("93.184.216.34");
    DnsProbe d = at(probe(1500), "system");
    assertFalse(d.bogon());
    assertTrue(d.disagrees());
  }

  @Test
  void probe_identityQueries_reportEgressAddress() {
    system.txt("ns 192.0.2.53");
    pub.txt("198.51.100.7");
    List<ResolverIdentity> ids = probe(1500).stream().filter(e -> e instanceof ResolverIdentity)
        .map(e -> (ResolverIdentity) e).toList();
    assertEquals(2, ids.size());
    assertEquals("192.0.2.53", ids.get(0).egress());
    assertEquals(system.address(), ids.get(0).resolver());
    assertEquals("198.51.100.7", ids.get(1).egress());
  }

  @Test
  void probe_truncatedUdpAnswer_retriedOverTcp() {
    system.mode(Mode.TRUNCATE_UDP).answers("104.18.32.47", "104.18.33.47");
    DnsProbe d = at(probe(1500), "system");
    assertEquals("ok", d.outcome(), d.toString());
    assertEquals(List.of("104.18.32.47", "104.18.33.47"), d.answers());
    assertTrue(system.tcpQueries() >= 1, "no TCP query");
  }

  @Test
  void probe_dohAnswersHttpError_dohErrorOthersOk() {
    doh.status(500);
    List<Evidence> ev = probe(1500);
    assertEquals("error", at(ev, "doh").outcome());
    assertEquals("HTTP 500", at(ev, "doh").rcode());
    assertEquals("ok", at(ev, "system").outcome());
  }

  @Test
  void probe_hostIsAddressLiteral_noLookups() {
    Targets t = new Targets(List.of(system.address()), List.of(), null, List.of(), List.of(), List.of(), Map.of());
    List<Evidence> ev = new DnsProber(t, List::of, DohClient.standard(), () -> 0.0).probe("127.0.0.1", 500).join();
    assertTrue(ev.isEmpty());
    assertEquals(0, system.queries());
  }
}
