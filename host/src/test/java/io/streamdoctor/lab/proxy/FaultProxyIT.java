package io.streamdoctor.lab.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each toxic measured through the proxy, against an echo upstream on loopback. */
@Timeout(30)
class FaultProxyIT {
  ServerSocket upstream;
  FaultProxy proxy;
  Thread echo;

  @BeforeEach
  void start() throws IOException {
    InetAddress lo = InetAddress.getLoopbackAddress();
    upstream = new ServerSocket(0, 16, lo);
    echo = new Thread(this::echoLoop, "test-echo");
    echo.setDaemon(true);
    echo.start();
    proxy = new FaultProxy(new InetSocketAddress(lo, 0),
        new InetSocketAddress(lo, upstream.getLocalPort()), 8);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  /** Echoes every byte back; "B<n>\n" asks for n bytes of a fixed pattern instead. */
  private void echoLoop() {
    while (!upstream.isClosed()) {
      try {
        Socket s = upstream.accept();
        Thread t = new Thread(() -> serve(s));
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      int b = in.read();
      if (b == 'B') {
        int n = Integer.parseInt(new String(in.readNBytes(6)).trim());
        out.write(pattern(n));
        out.flush();
        while (in.read() >= 0) {
          // hold until the client closes
        }
        return;
      }
      while (b >= 0) {
        out.write(b);
        out.flush();
        b = in.read();
      }
    } catch (IOException ignored) {
      // the proxy reset or closed us: that is what the tests do
    }
  }

  static byte[] pattern(int n) {
    byte[] p = new byte[n];
    new Random(42).nextBytes(p);
    return p;
  }

  Socket client(int timeoutMs) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(timeoutMs);
    return s;
  }

  static void ask(Socket s, int n) throws IOException {
    s.getOutputStream().write(String.format("B%6d", n).getBytes());
    s.getOutputStream().flush();
  }

  @Test
  void noToxics_bytesPassUnchanged() throws IOException {
    try (Socket s = client(5000)) {
      ask(s, 100_000);
      assertArrayEquals(pattern(100_000), s.getInputStream().readNBytes(100_000));
    }
  }

  @Test
  void latency_roundTripAtLeastTwiceTheLatency() throws IOException {
    proxy.setToxics(Toxics.NONE.merge(Json.MAPPER.createObjectNode().put("latencyMs", 150)));
    try (Socket s = client(5000)) {
      long t0 = System.nanoTime();
      s.getOutputStream().write('x');
      assertEquals('x', s.getInputStream().read());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 300, "round trip " + ms + " ms");
    }
  }

  @Test
  void jitter_keepsOrder() throws IOException {
    proxy.setToxics(new Toxics(20, 20, 0, -1, -1, false));
    try (Socket s = client(5000)) {
      for (int i = 0; i < 50; i++) {
        s.getOutputStream().write('a' + (i % 26));
      }
      for (int i = 0; i < 50; i++) {
        assertEquals('a' + (i % 26), s.getInputStream().read());
      }
    }
  }

  @Test
  void bandwidth_limitsThroughput() throws IOException {
    proxy.setToxics(new Toxics(0, 0, 20_000, -1, -1, false));
    try (Socket s = client(10_000)) {
      long t0 = System.nanoTime();
      ask(s, 30_000);
      byte[] got = s.getInputStream().readNBytes(30_000);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertArrayEquals(pattern(30_000), got);
      assertTrue(ms >= 1400, "30 kB at 20 kB/s took only " + ms + " ms");
    }
  }

  @Test
  void resetAfterBytes_clientGetsExactlyNBytesThenReset() throws IOException {
    proxy.setToxics(new Toxics(0, 0, 0, 5000, -1, false));
    try (Socket s = client(5000)) {
      ask(s, 50_000);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      int total = 0;
      SocketException reset = null;
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          total += n;
        }
      } catch (SocketException e) {
        reset = e;
      }
      assertTrue(reset != null && reset.getMessage().contains("reset"), "expected a reset");
      assertTrue(total <= 5000, "got " + total);
    }
  }

  @Test
  void resetAfterMs_resetsAnIdleConnection() throws IOException {
    proxy.setToxics(new Toxics(0, 0, 0, -1, 300, false));
    try (Socket s = client(5000)) {
      long t0 = System.nanoTime();
      SocketException e = assertThrows(SocketException.class, () -> s.getInputStream().read());
      assertTrue(e.getMessage().contains("reset"), e.getMessage());
      assertTrue((System.nanoTime() - t0) / 1_000_000 >= 250);
    }
  }

  @Test
  void blackhole_readTimesOutThenFlowsAgainWhenLifted() throws IOException {
    try (Socket s = client(800)) {
      proxy.setToxics(new Toxics(0, 0, 0, -1, -1, true));
      s.getOutputStream().write('q');
      assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
      proxy.setToxics(Toxics.NONE);
      s.getOutputStream().write('z');
      assertEquals('z', s.getInputStream().read(), "the blackholed byte is gone, new ones pass");
    }
  }

  @Test
  void controlApi_setsReadsAndRejectsToxics() throws Exception {
    try (ProxyControlApi api = new ProxyControlApi(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), proxy)) {
      HttpClient hc = HttpClient.newHttpClient();
      URI toxics = URI.create("http://127.0.0.1:" + api.port() + "/toxics");
      HttpResponse<String> set = hc.send(HttpRequest.newBuilder(toxics)
          .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMs\":40,\"blackhole\":true}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, set.statusCode());
      assertEquals(40, proxy.toxics().latencyMs());
      assertTrue(proxy.toxics().blackhole());
      JsonNode got = Json.MAPPER.readTree(hc.send(HttpRequest.newBuilder(toxics).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(40, got.get("latencyMs").asInt());
      HttpResponse<String> bad = hc.send(HttpRequest.newBuilder(toxics)
          .POST(HttpRequest.BodyPublishers.ofString("{\"latency\":1}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, bad.statusCode());
      assertTrue(bad.body().contains("unknown toxic"));
      hc.send(HttpRequest.newBuilder(toxics).DELETE().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(Toxics.NONE, proxy.toxics());
    }
  }
}
