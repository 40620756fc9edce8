package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.testing.TestTcpServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TcpProberTest {
  private static Targets to(int port) {
    return new Targets(List.of(), List.of(), null, List.of(), List.of(), List.of(), Map.of("chat.example.test", "127.0.0.1:" + port));
  }

  @Test
  void probe_listening_allAttemptsConnect() throws Exception {
    try (TestTcpServers s = new TestTcpServers(TestTcpServers.Behavior.STALL)) {
      TcpProbe p = new TcpProber(to(s.port()), () -> 0, 3).probe("chat.example.test", 443, Deadline.in(2000));
      assertEquals("ok", p.outcome());
      assertEquals(3, p.attempts());
      assertEquals(3, p.successes());
      assertNotNull(p.medianConnectMs());
      assertEquals(0.0, p.lossRatio());
    }
  }

  @Test
  void probe_nothingListening_refusedNoMedian() throws Exception {
    TcpProbe p = new TcpProber(to(TestTcpServers.closedPort()), () -> 0, 3).probe("chat.example.test", 443, Deadline.in(2000));
    assertEquals("refused", p.outcome());
    assertEquals(0, p.successes());
    assertNull(p.medianConnectMs());
  }

  @Test
  void probe_badConnectOverride_errorWithoutAttempts() {
    Targets t = new Targets(List.of(), List.of(), null, List.of(), List.of(), List.of(), Map.of("chat.example.test", "not-an-ip:1"));
    TcpProbe p = new TcpProber(t, () -> 0, 3).probe("chat.example.test", 443, Deadline.in(1000));
    assertEquals("error", p.outcome());
    assertEquals(0, p.attempts());
  }

  @Test
  void median_evenAndOdd() {
    assertEquals(2.0, TcpProber.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, TcpProber.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }
}
