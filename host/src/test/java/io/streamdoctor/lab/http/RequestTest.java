package io.streamdoctor.lab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTest {
  static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void read_postWithBody_headersAndBodySize() throws IOException {
    InputStream s = in("POST /lab/sse/a?fault=rst HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloNEXT");
    Request r = Request.read(s);
    assertEquals("POST", r.method());
    assertEquals("/lab/sse/a?fault=rst", r.target());
    assertEquals("x", r.header("HOST"));
    assertEquals(5, r.bodyBytes());
    assertEquals('N', s.read(), "the body and nothing more was consumed");
  }

  @Test
  void read_upgrade_isRecognised() throws IOException {
    Request r = Request.read(in("GET /c/api/chat HTTP/1.1\r\nUpgrade: WebSocket\r\n\r\n"));
    assertTrue(r.isWebSocketUpgrade());
    assertEquals("GET /c/api/chat HTTP/1.1\r\nUpgrade: WebSocket", new String(r.rawHead(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void read_emptyStream_isNull() throws IOException {
    assertNull(Request.read(in("")));
  }

  @Test
  void read_garbage_is400() {
    Request.BadRequest e = assertThrows(Request.BadRequest.class, () -> Request.read(in("HELLO\r\n\r\n")));
    assertEquals(400, e.status());
  }

  @Test
  void read_chunkedBody_is501() {
    Request.BadRequest e = assertThrows(Request.BadRequest.class,
        () -> Request.read(in("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")));
    assertEquals(501, e.status());
  }

  @Test
  void read_hugeHead_is431() {
    String big = "GET / HTTP/1.1\r\nX: " + "a".repeat(40_000) + "\r\n\r\n";
    assertEquals(431, assertThrows(Request.BadRequest.class, () -> Request.read(in(big))).status());
  }

  @Test
  void read_hugeBody_is413() {
    String h = "POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n";
    assertEquals(413, assertThrows(Request.BadRequest.class, () -> Request.read(in(h))).status());
  }

  @Test
  void read_truncatedHead_is400() {
    assertEquals(400, assertThrows(Request.BadRequest.class,
        () -> Request.read(in("GET / HTTP/1.1\r\nHost"))).status());
  }
}
