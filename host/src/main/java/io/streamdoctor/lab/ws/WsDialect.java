package io.streamdoctor.lab.ws;

import io.streamdoctor.lab.Answer;
import io.streamdoctor.lab.stream.SseDialect;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How one site frames its answer on a WebSocket. */
interface WsDialect {
  String frame(int i, String id);

  String done(String id);

  String overloaded();

  /** True when the server, not the page, ends the socket after the answer (then: after this many ms). */
  long dropAfterDoneMs();

  /** The dialect a socket on this path speaks. */
  static WsDialect forPath(String path) {
    return path.startsWith(WebPubSub.PATH) ? new WebPubSub() : new Copilot();
  }

  /** Copilot-like: {@code {"event":"appendText"}} frames, then {@code done}; the page closes. */
  final class Copilot implements WsDialect {
    @Override
    public String frame(int i, String id) {
      return "{\"event\":\"appendText\",\"text\":" + SseDialect.str(Answer.token(i)) + ",\"messageId\":"
          + SseDialect.str(id) + "}";
    }

    @Override
    public String done(String id) {
      return "{\"event\":\"done\",\"messageId\":" + SseDialect.str(id) + "}";
    }

    @Override
    public String overloaded() {
      return "{\"event\":\"error\",\"errorCode\":\"overloaded_error\",\"message\":\"Overloaded\"}";
    }

    @Override
    public long dropAfterDoneMs() {
      return -1;
    }
  }

  /**
   * ChatGPT's Web PubSub transport (Azure Web PubSub json.webpubsub.azure.v1 server messages):
   * each answer chunk is a group message whose data.body is the base64 of the SSE text the HTTP
   * stream would carry, ending with {@code data: [DONE]}. The socket outlives the answer; here
   * the server drops it without a close frame shortly after (an idle transport going away),
   * which must not read as a broken answer.
   */
  final class WebPubSub implements WsDialect {
    static final String PATH = "/client/hubs/";

    @Override
    public String frame(int i, String id) {
      return message("data: {\"v\":" + SseDialect.str(Answer.token(i)) + "}\n\n", true);
    }

    @Override
    public String done(String id) {
      return message("data: [DONE]\n\n", false);
    }

    @Override
    public String overloaded() {
      return message("data: {\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n", false);
    }

    @Override
    public long dropAfterDoneMs() {
      return 300;
    }

    private static String message(String sse, boolean more) {
      String body = Base64.getEncoder().encodeToString(sse.getBytes(StandardCharsets.UTF_8));
      return "{\"type\":\"message\",\"from\":\"group\",\"group\":\"lab\",\"dataType\":\"json\",\"data\":"
          + "{\"type\":\"http.response.body\",\"body\":\"" + body + "\",\"more_body\":" + more + "}}";
    }
  }
}
