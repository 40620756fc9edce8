package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.lab.RawClient.End;
import io.streamdoctor.lab.RawClient.Result;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat page, its app bundle, and the HTTPS listener with its throw-away certificate. */
@Timeout(60)
class LabPageIT {
  static LabServer lab;

  @BeforeAll
  static void start() throws Exception {
    lab = LabServer.start(LabServer.Options.loopback().withHttps(0));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @Test
  void page_servesHtmlWithSessionCookieAndWsPort() throws Exception {
    Result r = RawClient.get(lab.port(), "/?fault=rst&autostart=1", 5000);
    assertEquals("HTTP/1.1 200 OK", r.statusLine());
    assertTrue(r.text().contains("Set-Cookie: sd_lab_session="));
    assertTrue(r.text().contains("<meta name=\"sd-lab-ws-port\" content=\"" + lab.wsPort() + "\">"));
    assertTrue(r.text().contains("<script src=\"/lab/app.js\" defer>"));
  }

  @Test
  void appJs_containsTheBannerTextsAndLabState() throws Exception {
    Result r = RawClient.get(lab.port(), "/lab/app.js", 5000);
    assertTrue(r.text().contains("Content-Type: text/javascript"));
    for (String s : new String[] {"Error in message stream", "Network error", "Something went wrong",
        "data-sd-banner", "window.__lab"}) {
      assertTrue(r.text().contains(s), s);
    }
  }

  @Test
  void pageFaultScript500_pointsAtAFailingBundle() throws Exception {
    Result page = RawClient.get(lab.port(), "/?page_fault=script500", 5000);
    assertTrue(page.text().contains("src=\"/lab/app.js?fault=http500\""));
    Result js = RawClient.get(lab.port(), "/lab/app.js?fault=http500", 5000);
    assertEquals("HTTP/1.1 500 Internal Server Error", js.statusLine());
  }

  @Test
  void unknownPath_answers404() throws Exception {
    assertEquals("HTTP/1.1 404 Not Found", RawClient.get(lab.port(), "/nope", 5000).statusLine());
  }

  @Test
  void malformedRequest_answers400() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", lab.port())) {
      s.getOutputStream().write("HELLO\r\n\r\n".getBytes());
      Result r = RawClient.readAll(s.getInputStream(), new java.io.ByteArrayOutputStream(), System.nanoTime());
      assertTrue(r.statusLine().startsWith("HTTP/1.1 400"), r.statusLine());
    }
  }

  @Test
  void https_cleanStreamOverTls() throws Exception {
    Result r = RawClient.exchange(tlsSocket(), lab.httpsPort(), "POST",
        "/backend-api/conversation?frames=2&gap_ms=1", "{}", 10_000);
    assertEquals(End.EOF, r.end(), String.valueOf(r.error()));
    assertTrue(r.text().contains("data: [DONE]"));
  }

  @Test
  void https_rstResetsTheTcpConnectionUnderTls() throws Exception {
    Result r = RawClient.exchange(tlsSocket(), lab.httpsPort(), "POST",
        "/lab/sse/tr?fault=rst&at=1&gap_ms=1", "{}", 10_000);
    assertEquals(End.RESET, r.end(), String.valueOf(r.error()));
  }

  private static SSLSocket tlsSocket() throws Exception {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] c, String a) {}

      @Override
      public void checkServerTrusted(X509Certificate[] c, String a) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {trustAll}, null);
    SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", lab.httpsPort());
    s.startHandshake();
    return s;
  }
}
