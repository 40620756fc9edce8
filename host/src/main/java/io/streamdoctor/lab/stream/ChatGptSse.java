package io.streamdoctor.lab.stream;

import java.util.List;

/** ChatGPT-like: {@code data: {...}} lines (a JSON-patch style delta) ending with {@code data: [DONE]}. */
public final class ChatGptSse implements SseDialect {
  @Override
  public String id() {
    return "sse";
  }

  @Override
  public List<byte[]> preamble(String exchangeId) {
    return List.of(SseDialect.event(null, "{\"type\":\"resume_conversation_token\",\"conversation_id\":"
        + SseDialect.str(exchangeId) + "}"));
  }

  @Override
  public byte[] token(int index, String text) {
    String json = index == 0
        ? "{\"p\":\"/message/content/parts/0\",\"o\":\"append\",\"v\":" + SseDialect.str(text) + "}"
        : "{\"v\":" + SseDialect.str(text) + "}";
    return SseDialect.event(null, json);
  }

  @Override
  public List<byte[]> terminal() {
    return List.of(SseDialect.event(null, "[DONE]"));
  }

  @Override
  public byte[] error(String type, String message) {
    return SseDialect.event(null, "{\"error\":{\"type\":" + SseDialect.str(type) + ",\"message\":"
        + SseDialect.str(message) + "}}");
  }

  @Override
  public String errorBody(int status, String type, String message) {
    return "{\"detail\":{\"code\":" + SseDialect.str(type) + ",\"message\":" + SseDialect.str(message)
        + "}}";
  }
}
