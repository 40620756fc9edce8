package io.streamdoctor.lab;

/** What the lab does to one exchange. Names are the {@code ?fault=} values (docs/lab.md). */
public enum FaultKind {
  CLEAN("clean"),
  /** Close the TCP connection (FIN) without the terminal marker, final chunk or close frame. */
  FIN("fin"),
  /** SO_LINGER 0 then close: the kernel sends a TCP RST. */
  RST("rst"),
  /** Some frames, then silence with the socket open. */
  STALL("stall"),
  /** Exactly {@code after} bytes of the response, then FIN. */
  CUT("cut"),
  /** One small frame every {@code gap_ms}. */
  DRIP("drip"),
  /** An HTTP status instead of the stream (httpNNN). */
  HTTP("http"),
  /** A WebSocket close frame with a code (wsNNNN). */
  WS_CLOSE("ws"),
  /** The WebSocket's TCP connection dies without a close frame (the browser reports 1006). */
  WS_DROP("ws_drop"),
  /** The site's own error object inside the stream. */
  OVERLOADED("overloaded"),
  /** A long wait before anything (headers included), then a clean stream or the {@code then} fault. */
  SLOW_TTFT("slow_ttft");

  private final String id;

  FaultKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** True when this fault means something on that protocol. */
  public boolean appliesTo(Proto proto) {
    return switch (this) {
      case WS_CLOSE, WS_DROP -> proto == Proto.WS;
      default -> true;
    };
  }
}
