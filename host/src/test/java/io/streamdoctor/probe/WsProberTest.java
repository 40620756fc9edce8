package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.WsProbe;
import io.streamdoctor.testing.TestHttp;
import io.streamdoctor.testing.TestTcpServers;
import io.streamdoctor.testing.TestWsServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WsProberTest {
  private final WsProber prober = new WsProber(new Targets(List.of(), List.of(), null, List.of(), List.of(), List.of(), Map.of()), () -> 0);

  @Test
  void probe_serverUpgrades_ok101() throws Exception {
    try (TestWsServer ws = new TestWsServer()) {
      WsProbe p = prober.probe(ws.url(), Deadline.in(3000));
      assertEquals("ok", p.outcome());
      assertEquals(101, p.httpStatus());
      assertEquals("127.0.0.1", p.host());
    }
  }

  @Test
  void probe_serverAnswers429_rejectedWithStatus() throws Exception {
    try (TestHttp http = new TestHttp().answer(429, "text/plain", "slow down")) {
      WsProbe p = prober.probe("ws://127.0.0.1:" + http.port() + "/c/api/chat", Deadline.in(3000));
      assertEquals("rejected", p.outcome());
      assertEquals(429, p.httpStatus());
    }
  }

  @Test
  void probe_nothingListening_refused() throws Exception {
    WsProbe p = prober.probe("ws://127.0.0.1:" + TestTcpServers.closedPort() + "/", Deadline.in(3000));
    assertEquals("refused", p.outcome());
  }

  @Test
  void probe_serverSilent_timeoutWithinDeadline() throws Exception {
    try (TestTcpServers s = new TestTcpServers(TestTcpServers.Behavior.STALL)) {
      long start = System.nanoTime();
      WsProbe p = prober.probe("ws://127.0.0.1:" + s.port() + "/", Deadline.in(700));
      assertEquals("timeout", p.outcome());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1200);
    }
  }
}
