package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamdoctor.evidence.Evidence;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must bind exactly what the reference path binds, or decline. */
@Timeout(10)
class EventFastPathTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Evidence reference(String json) throws Exception {
    return MessageDecoder.event(MessageDecoder.parse(b(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"v\":1,\"type\":\"stream.open\",\"seq\":7,\"ts\":1764120000000.5,\"stream\":\"1:2\",\"site\":\"chatgpt\","
          + "\"url\":\"https://chatgpt.com/backend-api/conversation\",\"kind\":\"sse\",\"tabId\":1,\"payloadBytes\":2048}",
      "{\"v\":1,\"type\":\"stream.progress\",\"seq\":8,\"ts\":1,\"stream\":\"1:2\",\"frames\":3,\"bytes\":270,"
          + "\"gapMeanMs\":12.5,\"gapP95Ms\":40,\"gapMaxMs\":95,\"unknownField\":\"x\"}",
      "{\"type\":\"stream.end\",\"ts\":5,\"stream\":\"s\",\"outcome\":\"error\",\"terminalSeen\":false,\"frames\":null}",
      "{\"v\":1,\"type\":\"browser.http_status\",\"seq\":9,\"ts\":2,\"tabId\":3,\"url\":\"https://x.test/\",\"status\":503}",
      // The host's own privacy check (Sanitizer) on this path too: no query, fragment or credentials.
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"1:2\",\"site\":\"chatgpt\","
          + "\"url\":\"https://u:p@chatgpt.com/backend-api/conversation?q=SECRET#frag\",\"kind\":\"sse\",\"tabId\":1}",
  })
  void bind_plainEvent_equalsReferencePath(String json) throws Exception {
    EventFastPath.Bound fast = EventFastPath.bind(b(json));
    assertNotNull(fast);
    assertEquals(reference(json), fast.evidence());
  }

  @Test
  void bind_repeatedValues_shareOneStringAcrossEvents() {
    // The timeline keeps 20,000 events; each progress event repeating its stream id and URL as a
    // new String was ~40 % of the live heap at full ingest (class histogram, docs/benchmarks.md).
    String json = "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"7:9\",\"site\":\"chatgpt\","
        + "\"url\":\"https://chatgpt.com/backend-api/conversation?x=1\",\"kind\":\"sse\",\"tabId\":1}";
    var a = (io.streamdoctor.evidence.StreamOpened) EventFastPath.bind(b(json)).evidence();
    var c = (io.streamdoctor.evidence.StreamOpened) EventFastPath.bind(b(json)).evidence();
    org.junit.jupiter.api.Assertions.assertSame(a.stream(), c.stream());
    org.junit.jupiter.api.Assertions.assertSame(a.url(), c.url());
    assertEquals("https://chatgpt.com/backend-api/conversation", c.url());
  }

  @Test
  void bind_seq_isReturned() {
    assertEquals(7, EventFastPath.bind(b("{\"v\":1,\"type\":\"stream.first_token\",\"seq\":7,\"ts\":1,\"stream\":\"s\"}")).seq());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"ping\",\"id\":\"1\"}", // a request
      "{\"ts\":1,\"type\":\"stream.open\",\"stream\":\"s\"}", // type not first
      "{\"v\":1,\"type\":\"stream.open\",\"id\":\"x\",\"ts\":1,\"stream\":\"s\"}", // an id to echo
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":\"1\",\"stream\":\"s\"}", // wrong field type
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\",\"type\":\"stream.end\"}", // repeated type
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\"} trailing",
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\"", // truncated
      "{\"v\":9,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\"}", // newer protocol
      "{\"v\":1,\"type\":\"stream.open\",\"seq\":1.5,\"ts\":1,\"stream\":\"s\"}",
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"tabId\":99999999999999999999,\"stream\":\"s\"}",
      "{\"v\":1,\"type\":\"os.tcp_retransmits\",\"ts\":1}", // host-only evidence
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1}", // a required field missing
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\",\"more\":{\"a\":[1]}}", // nested, even unknown
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\\u0041\"}", // an escape
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"\u00e9\"}", // non-ASCII
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":01,\"stream\":\"s\"}", // a leading zero
      "{\"v\":1,\"type\":\"stream.open\",\"ts\":1,\"stream\":\"s\",}", // a trailing comma
  })
  void bind_anythingElse_declinesToTheReferencePath(String json) {
    assertNull(EventFastPath.bind(b(json)));
  }

  @Test
  void bind_invalidUtf8_declines() {
    assertNull(EventFastPath.bind(new byte[] {'{', (byte) 0xC3, '}'}));
  }
}
