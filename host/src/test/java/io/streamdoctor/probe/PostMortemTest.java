package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.config.IdentityQuery;
import io.streamdoctor.config.Site;
import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.evidence.WsProbe;
import io.streamdoctor.testing.TestDnsServer;
import io.streamdoctor.testing.TestHttp;
import io.streamdoctor.testing.TestTcpServers;
import io.streamdoctor.testing.TestTls;
import io.streamdoctor.testing.TestWsServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole post-mortem against loopback servers only. */
@Timeout(30)
class PostMortemTest {
  private static final String HOST = "chat.example.test";

  private static <T> T one(List<Evidence> ev, Class<T> type) {
    return ev.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
  }

  @Test
  void run_healthySite_everyProbeOk() throws Exception {
    try (TestDnsServer dns = new TestDnsServer(); TestTcpServers tls = new TestTcpServers(TestTcpServers.Behavior.TLS);
        TestWsServer ws = new TestWsServer();
        TestHttp status = new TestHttp().answer(200, "application/json", StatusPageProberTest.INCIDENT.replace("major", "none"))) {
      Targets t = new Targets(List.of(dns.address()), List.of(dns.address()), null,
          List.of(new IdentityQuery("whoami.test", "IN", "system")),
          List.of(new Site("lab", List.of(HOST), ws.url(), status.url("/api/v2/summary.json"))),
          List.of(TestTls.ISSUER_ORG), Map.of(HOST, "127.0.0.1:" + tls.port()));
      try (PostMortem pm = new PostMortem(t, List::of, () -> 5.0, TestTls.trustingTestCert())) {
        List<Evidence> ev = pm.run("lab", null, Deadline.in(3000)).get();
        assertEquals(2, ev.stream().filter(e -> e instanceof DnsProbe d && d.outcome().equals("ok")).count());
        assertEquals("127.0.0.1", one(ev, ResolverIdentity.class).egress());
        assertEquals("ok", one(ev, TcpProbe.class).outcome());
        assertEquals("ok", one(ev, TlsProbe.class).outcome());
        assertTrue(one(ev, TlsProbe.class).expectedIssuer());
        assertEquals("ok", one(ev, WsProbe.class).outcome());
        assertEquals("none", one(ev, StatusPage.class).indicator());
      }
    }
  }

  @Test
  void run_everythingDead_completesByDeadlineWithFailures() throws Exception {
    try (TestDnsServer dns = new TestDnsServer().mode(TestDnsServer.Mode.SILENT);
        TestTcpServers stall = new TestTcpServers(TestTcpServers.Behavior.STALL);
        TestHttp status = new TestHttp().delay(5000)) {
      Targets t = new Targets(List.of(dns.address()), List.of(dns.address()), null, List.of(),
          List.of(new Site("lab", List.of(HOST), "ws://127.0.0.1:" + stall.port() + "/", status.url("/s"))),
          List.of(), Map.of(HOST, "127.0.0.1:" + stall.port()));
      try (PostMortem pm = new PostMortem(t, List::of, () -> 5.0, TlsProber.jdkTrust())) {
        long start = System.nanoTime();
        List<Evidence> ev = pm.run("lab", null, Deadline.in(1500)).get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, "took " + ms);
        assertEquals("timeout", one(ev, DnsProbe.class).outcome());
        assertEquals("timeout", one(ev, TlsProbe.class).outcome());
        assertEquals("timeout", one(ev, WsProbe.class).outcome());
        assertEquals("unknown", one(ev, StatusPage.class).indicator());
      }
    }
  }
}
