package io.streamdoctor.lab;

/** The three ways the lab streams an answer, each shaped like one real site (product brief §4). */
public enum Proto {
  /** ChatGPT-like SSE: {@code data: {...}} lines ending with {@code data: [DONE]}. */
  SSE("sse"),
  /** Claude-like SSE: named events ending with {@code event: message_stop}. */
  CLAUDE("claude"),
  /** Copilot-like WebSocket: {@code appendText} frames then {@code done}. */
  WS("ws");

  private final String id;

  Proto(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Proto parse(String s) {
    for (Proto p : values()) {
      if (p.id.equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown proto '" + s + "' (sse, claude, ws)");
  }
}
