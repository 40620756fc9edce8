package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.evidence.StreamOpened;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SanitizerTest {
  @Test
  void url_queryAndFragment_dropped() {
    assertEquals("https://chatgpt.com/backend-api/conversation",
        Sanitizer.url("https://chatgpt.com/backend-api/conversation?prompt=CANARY-7f3a9#frag"));
  }

  @Test
  void url_credentials_dropped() {
    assertEquals("https://host.example/p", Sanitizer.url("https://user:secret@host.example/p?x=1"));
  }

  @Test
  void url_null_staysNull() {
    assertNull(Sanitizer.url(null));
  }

  @Test
  void event_urlWithCanaryQuery_neverReachesTheEvidence() throws Exception {
    ObjectNode msg = MessageDecoder.parse(("{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"1:1\","
        + "\"url\":\"https://claude.ai/api/x?q=CANARY-7f3a9\",\"kind\":\"sse\"}").getBytes(StandardCharsets.UTF_8));
    StreamOpened ev = (StreamOpened) MessageDecoder.event(msg);
    assertEquals("https://claude.ai/api/x", ev.url());
    assertFalse(msg.toString().contains("CANARY"), "the recorded message is sanitized too");
  }
}
