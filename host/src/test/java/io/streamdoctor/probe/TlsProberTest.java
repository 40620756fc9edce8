package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.testing.TestTcpServers;
import io.streamdoctor.testing.TestTcpServers.Behavior;
import io.streamdoctor.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import javax.net.ssl.X509TrustManager;

@Timeout(30)
class TlsProberTest {
  private static final String HOST = "chat.example.test";

  private static Targets targets(int port, List<String> issuers) {
    return new Targets(List.of(), List.of(), null, List.of(), List.of(), issuers, Map.of(HOST, "127.0.0.1:" + port));
  }

  @Test
  void probe_trustedExpectedIssuer_ok() throws Exception {
    try (TestTcpServers s = new TestTcpServers(Behavior.TLS)) {
      TlsProbe p = new TlsProber(targets(s.port(), List.of(TestTls.ISSUER_ORG)), () -> 0, TestTls.trustingTestCert())
          .probe(HOST, 443, Deadline.in(3000));
      assertEquals("ok", p.outcome());
      assertEquals(TestTls.ISSUER_ORG + " (" + HOST + ")", p.issuer());
      assertTrue(p.expectedIssuer());
      assertTrue(p.handshakeMs() > 0);
    }
  }

  @Test
  void probe_trustedButUnlistedIssuer_notExpected() throws Exception {
    try (TestTcpServers s = new TestTcpServers(Behavior.TLS)) {
      TlsProbe p = new TlsProber(targets(s.port(), List.of("DigiCert")), () -> 0, TestTls.trustingTestCert())
          .probe(HOST, 443, Deadline.in(3000));
      assertEquals("ok", p.outcome());
      assertFalse(p.expectedIssuer());
    }
  }

  @Test
  void probe_chainNotInJdkTrustStore_untrustedWithIssuerNamed() throws Exception {
    try (TestTcpServers s = new TestTcpServers(Behavior.TLS)) {
      TlsProbe p = new TlsProber(targets(s.port(), List.of(TestTls.ISSUER_ORG)), () -> 0, TlsProber.jdkTrust())
          .probe(HOST, 443, Deadline.in(3000));
      assertEquals("untrusted", p.outcome());
      assertTrue(p.issuer().startsWith(TestTls.ISSUER_ORG));
      assertFalse(p.expectedIssuer());
    }
  }

  @Test
  void probe_chainOnlyInOsTrustStore_untrustedButOsTrusted(@TempDir Path dir) throws Exception {
    // A corporate/antivirus root lives in the OS store (a PEM bundle on Linux), never in cacerts.
    Path bundle = dir.resolve("ca-certificates.crt");
    Files.writeString(bundle, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
        .encodeToString(TestTls.keyStore().getCertificate("test").getEncoded()) + "\n-----END CERTIFICATE-----\n");
    X509TrustManager os = OsTrust.fromBundle(bundle);
    try (TestTcpServers s = new TestTcpServers(Behavior.TLS)) {
      TlsProbe p = new TlsProber(targets(s.port(), List.of("DigiCert")), () -> 0, TlsProber.jdkTrust(), () -> os)
          .probe(HOST, 443, Deadline.in(3000));
      assertEquals("untrusted", p.outcome());
      assertEquals(Boolean.TRUE, p.osTrusted());
      TlsProbe nowhere = new TlsProber(targets(s.port(), List.of("DigiCert")), () -> 0, TlsProber.jdkTrust(),
          () -> TlsProber.jdkTrust()).probe(HOST, 443, Deadline.in(3000));
      assertEquals(Boolean.FALSE, nowhere.osTrusted());
    }
  }

  @Test
  void probe_resetAfterClientHello_reset() throws Exception {
    try (TestTcpServers s = new TestTcpServers(Behavior.RESET)) {
      TlsProbe p = new TlsProber(targets(s.port(), List.of()), () -> 0, TlsProber.jdkTrust()).probe(HOST, 443, Deadline.in(3000));
      assertEquals("reset", p.outcome());
      assertNull(p.issuer());
    }
  }

  @Test
  void probe_serverNeverAnswers_timeoutWithinDeadline() throws Exception {
    try (TestTcpServers s = new TestTcpServers(Behavior.STALL)) {
      long start = System.nanoTime();
      TlsProbe p = new TlsProber(targets(s.port(), List.of()), () -> 0, TlsProber.jdkTrust()).probe(HOST, 443, Deadline.in(800));
      assertEquals("timeout", p.outcome());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1200);
    }
  }

  @Test
  void probe_nothingListening_refused() throws Exception {
    TlsProbe p = new TlsProber(targets(TestTcpServers.closedPort(), List.of()), () -> 0, TlsProber.jdkTrust())
        .probe(HOST, 443, Deadline.in(2000));
    assertEquals("refused", p.outcome());
  }

  @Test
  void issuerSummary_rfc2253_orgAndCommonName() {
    assertEquals("Google Trust Services (WE1)", TlsProber.issuerSummary("CN=WE1,O=Google Trust Services,C=US"));
    assertEquals("Fortinet", TlsProber.issuerSummary("O=Fortinet,C=US"));
  }
}
