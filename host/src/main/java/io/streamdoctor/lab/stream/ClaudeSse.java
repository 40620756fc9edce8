package io.streamdoctor.lab.stream;

import java.util.List;

/**
 * Claude-like: Anthropic's message events ({@code message_start}, {@code content_block_delta} …
 * {@code message_stop}); errors arrive in-stream as {@code event: error}.
 */
public final class ClaudeSse implements SseDialect {
  @Override
  public String id() {
    return "claude";
  }

  @Override
  public List<byte[]> preamble(String exchangeId) {
    return List.of(
        SseDialect.event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":"
            + SseDialect.str("msg_" + exchangeId) + ",\"type\":\"message\",\"role\":\"assistant\","
            + "\"content\":[]}}"),
        SseDialect.event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
  }

  @Override
  public byte[] token(int index, String text) {
    return SseDialect.event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":" + SseDialect.str(text) + "}}");
  }

  @Override
  public List<byte[]> terminal() {
    return List.of(
        SseDialect.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
        SseDialect.event("message_delta", "{\"type\":\"message_delta\",\"delta\":"
            + "{\"stop_reason\":\"end_turn\"}}"),
        SseDialect.event("message_stop", "{\"type\":\"message_stop\"}"));
  }

  @Override
  public byte[] error(String type, String message) {
    return SseDialect.event("error", errorBody(0, type, message));
  }

  @Override
  public String errorBody(int status, String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":" + SseDialect.str(type) + ",\"message\":"
        + SseDialect.str(message) + "}}";
  }
}
