package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.lab.RawClient.End;
import io.streamdoctor.lab.RawClient.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every SSE fault against the real lab server on loopback, seen from a raw socket client. */
@Timeout(30)
class LabSseFaultsIT {
  static LabServer lab;

  @BeforeAll
  static void start() throws Exception {
    lab = LabServer.start(LabServer.Options.loopback());
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  static String ended(String id) throws Exception {
    Result r = RawClient.get(lab.port(), "/lab/log?id=" + id, 5000);
    String body = r.text().substring(r.text().indexOf("\r\n\r\n") + 4);
    JsonNode reqs = Json.MAPPER.readTree(body).get("requests");
    assertEquals(1, reqs.size(), body);
    return reqs.get(0).get("end").asText();
  }

  @Test
  void clean_sse_endsWithDoneAndLastChunk() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/c1?fault=clean&frames=4&gap_ms=1", 5000);
    assertEquals(End.EOF, r.end());
    assertEquals("HTTP/1.1 200 OK", r.statusLine());
    assertTrue(r.text().contains("Transfer-Encoding: chunked"));
    assertTrue(r.text().contains("data: [DONE]\n\n"));
    assertTrue(r.text().endsWith("\r\n0\r\n\r\n"), "final zero-length chunk");
    assertEquals("complete", ended("c1"));
  }

  @Test
  void clean_claude_endsWithMessageStop() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/claude/c2?frames=3&gap_ms=1", 5000);
    assertEquals(End.EOF, r.end());
    assertTrue(r.text().contains("event: content_block_delta\ndata: {\"type\":\"content_block_delta\""));
    assertTrue(r.text().contains("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
  }

  @Test
  void fin_sse_eofWithoutDoneOrLastChunk() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/f1?fault=fin&at=3&gap_ms=1", 5000);
    assertEquals(End.EOF, r.end());
    assertFalse(r.text().contains("[DONE]"));
    assertFalse(r.text().endsWith("0\r\n\r\n"));
    assertEquals(3, r.text().split("\"v\":").length - 1, "three tokens before the FIN");
    assertEquals("fin", ended("f1"));
  }

  @Test
  void rst_sse_clientSeesConnectionReset() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/r1?fault=rst&at=2&gap_ms=1", 5000);
    assertEquals(End.RESET, r.end(), "error: " + r.error());
    assertEquals("rst", ended("r1"));
  }

  @Test
  void rst_beforeAnyByte_resetsWithNothingReceived() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/claude/r2?fault=rst&after=0", 5000);
    assertEquals(End.RESET, r.end());
    assertEquals(0, r.bytes().length);
  }

  @Test
  void stall_sse_readTimesOutWhileSocketStaysOpen() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/s1?fault=stall&at=2&gap_ms=1", 1500);
    assertEquals(End.TIMEOUT, r.end());
    assertTrue(r.text().contains("\"v\":"));
    assertFalse(r.text().contains("[DONE]"));
  }

  @Test
  void cut_after_clientGetsExactlyNBytes() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/k1?fault=cut&after=321&gap_ms=1", 5000);
    assertEquals(End.EOF, r.end());
    assertEquals(321, r.bytes().length);
    assertEquals("cut", ended("k1"));
  }

  @Test
  void http429_answersStatusWithRetryAfter() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/h1?fault=http429&retry_after=7", 5000);
    assertEquals("HTTP/1.1 429 Too Many Requests", r.statusLine());
    assertTrue(r.text().contains("\r\nRetry-After: 7\r\n"));
    assertEquals("http_429", ended("h1"));
  }

  @Test
  void http401_expiresTheSessionCookie() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/claude/h2?fault=http401", 5000);
    assertEquals("HTTP/1.1 401 Unauthorized", r.statusLine());
    assertTrue(r.text().contains("Set-Cookie: sd_lab_session=; Path=/; Max-Age=0"));
    assertTrue(r.text().contains("\"type\":\"authentication_error\""));
  }

  @Test
  void overloaded_claude_sendsErrorEventAndNoMessageStop() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/claude/o1?fault=overloaded&at=2&gap_ms=1", 5000);
    assertEquals(End.EOF, r.end());
    assertTrue(r.text().contains("event: error\ndata: {\"type\":\"error\",\"error\":"
        + "{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"));
    assertFalse(r.text().contains("message_stop"));
  }

  @Test
  void drip_framesArriveNoFasterThanGap() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/d1?fault=drip&frames=4&gap_ms=150", 5000);
    assertTrue(r.text().contains("[DONE]"));
    assertTrue(r.elapsedMs() >= 4 * 150, "took " + r.elapsedMs() + " ms");
  }

  @Test
  void slowTtft_then504_waitsThenAnswers504() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/t1?fault=slow_ttft&ttft_ms=600&then=504", 5000);
    assertEquals("HTTP/1.1 504 Gateway Timeout", r.statusLine());
    assertTrue(r.elapsedMs() >= 600, "took " + r.elapsedMs() + " ms");
    assertEquals("http_504", ended("t1"));
  }

  @Test
  void slowTtft_clientGivesUp_workerIsFreedAndLogged() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/t2?fault=slow_ttft&ttft_ms=60000", 300);
    assertEquals(End.TIMEOUT, r.end()); // the client closes its socket here
    long deadline = System.currentTimeMillis() + 5000;
    while (!ended("t2").equals("client_gone") && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals("client_gone", ended("t2"));
  }

  @Test
  void badFault_answers400WithTheReason() throws Exception {
    Result r = RawClient.post(lab.port(), "/lab/sse/b1?fault=ws1011", 5000);
    assertEquals("HTTP/1.1 400 Bad Request", r.statusLine());
    assertTrue(r.text().contains("needs proto=ws"));
  }

  @Test
  void sitePath_chatgptConversation_streamsChatGptDialect() throws Exception {
    Result r = RawClient.post(lab.port(), "/backend-api/conversation?id=s9&frames=2&gap_ms=1", 5000);
    assertTrue(r.text().contains("data: [DONE]"));
    assertEquals("complete", ended("s9"));
  }

  @Test
  void largePrompt_isCountedInTheLog() throws Exception {
    String body = "{\"prompt\":\"" + "x".repeat(200_000) + "\"}";
    try (java.net.Socket s = new java.net.Socket()) {
      RawClient.exchange(s, lab.port(), "POST", "/lab/sse/p1?frames=1&gap_ms=0", body, 5000);
    }
    Result log = RawClient.get(lab.port(), "/lab/log?id=p1", 5000);
    assertTrue(log.text().contains("\"requestBytes\":" + body.length()), log.text());
  }
}
