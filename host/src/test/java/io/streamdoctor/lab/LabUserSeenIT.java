package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lab pieces for breaks the user meets besides a stream's end (docs/lab.md). */
@Timeout(30)
class LabUserSeenIT {
  static LabServer lab;

  @BeforeAll
  static void start() throws Exception {
    lab = LabServer.start(LabServer.Options.loopback());
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @Test
  void blackholePort_newConnectionsNeverComplete() throws Exception {
    RawClient.Result cfg = RawClient.get(lab.port(), "/lab/config", 5000);
    Matcher m = Pattern.compile("\"blackholePort\":(\\d+)").matcher(cfg.text());
    assertTrue(m.find(), cfg.text());
    int port = Integer.parseInt(m.group(1));
    try (Socket s = new Socket()) {
      assertThrows(SocketTimeoutException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 700));
    }
  }

  @Test
  void webPubSubSocket_base64SseBodiesEndingDone_thenTheServerDropsIt() throws Exception {
    LabWsFaultsIT.Client c = new LabWsFaultsIT.Client(lab.port(), "/client/hubs/conversations?fault=clean&frames=3&gap_ms=5");
    c.runToClose();
    List<String> sse = c.frames.stream().map(LabUserSeenIT::sse).toList();
    assertEquals(4, sse.size(), c.frames.toString());
    assertTrue(sse.get(0).startsWith("data: {\"v\":"), sse.get(0));
    assertEquals("data: [DONE]\n\n", sse.get(3));
    assertEquals(1006, c.code, "dropped without a close frame after the answer");
  }

  @Test
  void pageShellAndHungBundle() throws Exception {
    RawClient.Result page = RawClient.get(lab.port(), "/?shell=1&page_fault=script_hang", 5000);
    assertTrue(page.text().contains("<main id=\"shell\">"), page.text());
    assertTrue(page.text().contains("/lab/app.js?fault=hang"), page.text());
    RawClient.Result bundle = RawClient.get(lab.port(), "/lab/app.js?fault=hang", 800);
    assertEquals(RawClient.End.TIMEOUT, bundle.end(), "the bundle never answers");
    assertEquals(0, bundle.bytes().length);
  }

  private static String sse(String frame) {
    Matcher m = Pattern.compile("\"body\":\"([A-Za-z0-9+/=]+)\"").matcher(frame);
    assertTrue(m.find(), frame);
    return new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
  }
}
