package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WebSocket faults seen by a Java-WebSocket client, directly and through the main-port relay. */
@Timeout(30)
class LabWsFaultsIT {
  static LabServer lab;

  @BeforeAll
  static void start() throws Exception {
    lab = LabServer.start(LabServer.Options.loopback());
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  /** Records frames and the close; closes with 1000 after "done", as the lab page does. */
  static final class Client extends WebSocketClient {
    final List<String> frames = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile boolean opened;
    volatile int code;
    volatile boolean remote;

    Client(int port, String target) {
      super(URI.create("ws://127.0.0.1:" + port + target));
      setConnectionLostTimeout(0);
    }

    @Override
    public void onOpen(ServerHandshake h) {
      opened = true;
      send("{\"prompt\":\"hi\"}");
    }

    @Override
    public void onMessage(String m) {
      frames.add(m);
      if (m.contains("\"event\":\"done\"")) {
        close(1000);
      }
    }

    @Override
    public void onClose(int c, String reason, boolean r) {
      code = c;
      remote = r;
      closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
      // onClose follows
    }

    Client runToClose() throws InterruptedException {
      connectBlocking(5, TimeUnit.SECONDS);
      assertTrue(closed.await(10, TimeUnit.SECONDS), "socket did not close");
      return this;
    }
  }

  @Test
  void clean_direct_appendTextThenDone() throws Exception {
    Client c = new Client(lab.wsPort(), "/lab/ws/w1?frames=3&gap_ms=1").runToClose();
    assertEquals(4, c.frames.size());
    assertTrue(c.frames.get(0).startsWith("{\"event\":\"appendText\",\"text\":\"StreamDoctor\""));
    assertTrue(c.frames.get(3).startsWith("{\"event\":\"done\""));
    assertEquals(1000, c.code);
    RawClient.Result log = RawClient.get(lab.port(), "/lab/log?id=w1", 5000);
    assertTrue(log.text().contains("\"requestBytes\":15,"), log.text()); // {"prompt":"hi"}
    assertTrue(log.text().contains("\"end\":\"complete\""), log.text());
  }

  @Test
  void clean_viaMainPortRelay_sameAnswer() throws Exception {
    Client c = new Client(lab.port(), "/lab/ws/w2?frames=3&gap_ms=1").runToClose();
    assertEquals(4, c.frames.size());
    assertEquals(1000, c.code);
  }

  @Test
  void ws1011_closesWith1011FromServer() throws Exception {
    Client c = new Client(lab.port(), "/lab/ws/w3?fault=ws1011&at=2&gap_ms=1").runToClose();
    assertEquals(2, c.frames.size());
    assertEquals(1011, c.code);
    assertTrue(c.remote);
  }

  @Test
  void ws1013_closesWith1013() throws Exception {
    Client c = new Client(lab.wsPort(), "/lab/ws/w4?fault=ws1013&at=1&gap_ms=1").runToClose();
    assertEquals(1013, c.code);
  }

  @Test
  void wsDrop_clientSees1006FromRemote() throws Exception {
    Client c = new Client(lab.port(), "/lab/ws/w5?fault=ws_drop&at=3&gap_ms=1").runToClose();
    assertEquals(3, c.frames.size(), "queued frames reach the client before the drop");
    assertEquals(1006, c.code);
    assertTrue(c.remote);
  }

  @Test
  void rst_clientSees1006() throws Exception {
    Client c = new Client(lab.wsPort(), "/lab/ws/w6?fault=rst&at=2&gap_ms=1").runToClose();
    assertEquals(1006, c.code);
  }

  @Test
  void overloaded_errorFrameThenNormalClose() throws Exception {
    Client c = new Client(lab.port(), "/lab/ws/w7?fault=overloaded&at=1&gap_ms=1").runToClose();
    assertEquals("{\"event\":\"error\",\"errorCode\":\"overloaded_error\",\"message\":\"Overloaded\"}",
        c.frames.get(c.frames.size() - 1));
    assertEquals(1000, c.code);
  }

  @Test
  void cut_stopsBeforeThePayloadLimit() throws Exception {
    Client c = new Client(lab.wsPort(), "/lab/ws/w8?fault=cut&after=200&gap_ms=1").runToClose();
    int payload = c.frames.stream().mapToInt(f -> f.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
    assertTrue(payload <= 200 && payload > 100, "payload " + payload);
    assertEquals(1006, c.code);
  }

  @Test
  void stall_noFramesAfterTheStallAndSocketStaysOpen() throws Exception {
    Client c = new Client(lab.wsPort(), "/lab/ws/w9?fault=stall&at=2&gap_ms=1");
    c.connectBlocking(5, TimeUnit.SECONDS);
    assertFalse(c.closed.await(1500, TimeUnit.MILLISECONDS));
    assertEquals(2, c.frames.size());
    assertTrue(c.isOpen());
    c.closeBlocking();
  }

  @Test
  void http429_onUpgrade_answersStatusAndNeverOpens() throws Exception {
    RawClient.Result r = RawClient.get(lab.port(),
        "/lab/ws/w10?fault=http429", 5000);
    assertEquals("HTTP/1.1 426 Upgrade Required", r.statusLine(), "plain GET is refused");
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", lab.port()));
      s.getOutputStream().write(("GET /lab/ws/w11?fault=http429 HTTP/1.1\r\nHost: x\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes());
      RawClient.Result up = RawClient.readAll(s.getInputStream(), new java.io.ByteArrayOutputStream(), System.nanoTime());
      assertEquals("HTTP/1.1 429 Too Many Requests", up.statusLine());
      assertTrue(up.text().contains("Retry-After: 20"));
    }
    Client c = new Client(lab.port(), "/lab/ws/w12?fault=http429").runToClose();
    assertFalse(c.opened);
  }

  @Test
  void http429_thenFreshUpgradeWithoutFault_isRateLimitedToo() throws Exception {
    RawClient.Result first = upgrade("/lab/ws/w20?fault=http429&retry_after=5");
    assertEquals("HTTP/1.1 429 Too Many Requests", first.statusLine());
    // What the host's post-mortem sends: the sanitized path, no query.
    RawClient.Result probe = upgrade("/lab/ws/h-0123abcd");
    assertEquals("HTTP/1.1 429 Too Many Requests", probe.statusLine());
    assertTrue(probe.text().matches("(?s).*Retry-After: [1-5]\r\n.*"), probe.text());
    // The lab's own pages name their fault and still get it.
    Client c = new Client(lab.port(), "/lab/ws/w21?fault=clean&frames=2").runToClose();
    assertTrue(c.opened);
  }

  private static RawClient.Result upgrade(String target) throws Exception {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", lab.port()));
      s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes());
      return RawClient.readAll(s.getInputStream(), new java.io.ByteArrayOutputStream(), System.nanoTime());
    }
  }
}
