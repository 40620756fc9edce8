package io.streamdoctor.lab.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How one site frames its answer as Server-Sent Events (WHATWG HTML §9.2: fields end with a
 * newline, an event ends with a blank line). No vendor documents these shapes; they follow what
 * the sites send today (product brief §4).
 */
public interface SseDialect {
  String id();

  /** Events before the first token (may be empty). */
  List<byte[]> preamble(String exchangeId);

  byte[] token(int index, String text);

  /** The terminal marker; a stream ending without it was truncated. */
  List<byte[]> terminal();

  /** The site's in-stream error object. */
  byte[] error(String type, String message);

  /** The JSON body of an HTTP error response. */
  String errorBody(int status, String type, String message);

  static byte[] event(String name, String json) {
    String ev = (name == null ? "" : "event: " + name + "\n") + "data: " + json + "\n\n";
    return ev.getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string literal (quotes included) for the lab's own fixed texts. */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
