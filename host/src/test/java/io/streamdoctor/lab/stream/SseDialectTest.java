package io.streamdoctor.lab.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDialectTest {
  static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The JSON after "data: " of a one-event block, parsed (proves the framing is valid JSON). */
  static JsonNode data(byte[] event) throws Exception {
    String e = s(event);
    int i = e.indexOf("data: ");
    return Json.MAPPER.readTree(e.substring(i + 6, e.length() - 2));
  }

  @Test
  void chatgpt_tokens_areDataLinesEndedByABlankLine() throws Exception {
    ChatGptSse d = new ChatGptSse();
    byte[] first = d.token(0, "Hello");
    assertTrue(s(first).startsWith("data: {") && s(first).endsWith("}\n\n"));
    assertEquals("append", data(first).get("o").asText());
    assertEquals(" world", data(d.token(1, " world")).get("v").asText());
  }

  @Test
  void chatgpt_terminal_isDataDone() {
    List<byte[]> t = new ChatGptSse().terminal();
    assertEquals(1, t.size());
    assertEquals("data: [DONE]\n\n", s(t.get(0)));
  }

  @Test
  void chatgpt_error_isAnErrorObject() throws Exception {
    JsonNode e = data(new ChatGptSse().error("overloaded_error", "Overloaded"));
    assertEquals("overloaded_error", e.get("error").get("type").asText());
  }

  @Test
  void claude_delta_isNamedEventWithTextDelta() throws Exception {
    byte[] ev = new ClaudeSse().token(3, "hi");
    assertTrue(s(ev).startsWith("event: content_block_delta\ndata: "));
    assertEquals("hi", data(ev).get("delta").get("text").asText());
  }

  @Test
  void claude_terminal_endsWithMessageStop() {
    List<byte[]> t = new ClaudeSse().terminal();
    assertEquals("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", s(t.get(t.size() - 1)));
  }

  @Test
  void claude_error_isEventErrorWithAnthropicShape() throws Exception {
    byte[] ev = new ClaudeSse().error("overloaded_error", "Overloaded");
    assertTrue(s(ev).startsWith("event: error\n"));
    JsonNode e = data(ev);
    assertEquals("error", e.get("type").asText());
    assertEquals("overloaded_error", e.get("error").get("type").asText());
    assertEquals("Overloaded", e.get("error").get("message").asText());
  }

  @Test
  void str_escapesQuotesBackslashesAndControls() throws Exception {
    String lit = SseDialect.str("a\"b\\c\nd\u0001");
    assertEquals("a\"b\\c\nd\u0001", Json.MAPPER.readTree(lit).asText());
  }
}
