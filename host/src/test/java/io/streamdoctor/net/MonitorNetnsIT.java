package io.streamdoctor.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.testing.Netns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Linux monitor (the built jar's {@code monitor --json}) inside a fresh network namespace:
 * an interface goes down and up, a tun device appears, an address and a default route are added.
 * Each must be reported within 2 s. Only veth/tun devices inside the namespace are touched.
 */
@Timeout(90)
class MonitorNetnsIT {
  static final long WITHIN_MS = 2000;

  record Line(long arrivedAt, JsonNode ev) {}

  @BeforeAll
  static void root() {
    Netns.assumeRoot();
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/net/tun")),
        "SKIPPED: /dev/net/tun is missing, so no tun device can be created");
  }

  @Test
  void monitor_inNamespace_reportsDownUpTunAddrRouteWithin2s() throws Exception {
    String jar = System.getProperty("streamdoctor.jar");
    try (Netns ns = new Netns("sdmon")) {
      ns.ip("link", "set", "lo", "up");
      ns.ip("link", "add", "va", "type", "veth", "peer", "name", "vb");
      ns.ip("link", "set", "va", "up");
      ns.ip("link", "set", "vb", "up");
      Process p = ns.exec(List.of(javaBin(), "-jar", jar, "monitor", "--json", "--duration", "40")).start();
      try {
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        CountDownLatch ready = new CountDownLatch(1);
        reader(p, lines, ready);
        assertTrue(ready.await(20, TimeUnit.SECONDS), "monitor never said ready");

        long t = act(() -> ns.ip("link", "set", "va", "down"));
        expect(lines, t, "iface_down", "va");
        t = act(() -> ns.ip("link", "set", "va", "up"));
        expect(lines, t, "iface_up", "va");
        t = act(() -> {
          ns.ip("tuntap", "add", "dev", "tun7", "mode", "tun");
          ns.ip("link", "set", "tun7", "up");
        });
        expect(lines, t, "vpn_up", "tun7");
        t = act(() -> ns.ip("addr", "add", "10.199.0.1/24", "dev", "va"));
        expect(lines, t, "addr_added", "va");
        t = act(() -> ns.ip("route", "add", "default", "via", "10.199.0.2"));
        expect(lines, t, "default_route", "va");
      } finally {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  interface Action {
    void run() throws Exception;
  }

  private static long act(Action a) throws Exception {
    a.run();
    return System.currentTimeMillis();
  }

  private static void expect(BlockingQueue<Line> lines, long actedAt, String kind, String iface) throws InterruptedException {
    long deadline = actedAt + WITHIN_MS + 3000;
    while (System.currentTimeMillis() < deadline) {
      Line l = lines.poll(200, TimeUnit.MILLISECONDS);
      if (l != null && kind.equals(l.ev().path("kind").asText()) && iface.equals(l.ev().path("iface").asText())) {
        // The evidence's own timestamp is when the monitor saw the change: that is what lands on
        // the timeline. (Both processes read the same wall clock.) Arrival on the pipe is looser.
        long detected = l.ev().path("ts").asLong() - actedAt;
        long arrived = l.arrivedAt() - actedAt;
        System.out.println(kind + " " + iface + " detected after " + detected + " ms, line arrived after " + arrived + " ms");
        assertTrue(detected <= WITHIN_MS, kind + " detected after " + detected + " ms");
        assertTrue(arrived <= WITHIN_MS + 1000, kind + " arrived after " + arrived + " ms");
        return;
      }
    }
    throw new AssertionError("no " + kind + " for " + iface);
  }

  private static void reader(Process p, BlockingQueue<Line> lines, CountDownLatch ready) {
    Thread out = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String s; (s = r.readLine()) != null; ) {
          lines.add(new Line(System.currentTimeMillis(), Json.MAPPER.readTree(s)));
        }
      } catch (Exception e) {
        // process ended
      }
    });
    Thread err = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String s; (s = r.readLine()) != null; ) {
          if (s.contains("monitor: ready")) {
            ready.countDown();
          }
        }
      } catch (Exception e) {
        // process ended
      }
    });
    out.setDaemon(true);
    err.setDaemon(true);
    out.start();
    err.start();
  }

  static String javaBin() {
    return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
