package io.streamdoctor.lab;

import java.util.Map;

/**
 * One exchange's fault and its knobs, parsed from the stream URL's query (docs/lab.md lists every
 * parameter). Bad input is an {@link IllegalArgumentException} with a message fit for a 400 body.
 *
 * @param kind what happens
 * @param status the HTTP status for {@link FaultKind#HTTP}
 * @param wsCode the close code for {@link FaultKind#WS_CLOSE}
 * @param frames answer length in frames when nothing breaks it
 * @param atFrame frames sent before fin/rst/stall/overloaded/ws closes strike
 * @param afterBytes when ≥ 0: bytes of the response (status line and headers included; WebSocket:
 *     text payload) after which fin/rst/cut strike, instead of {@code atFrame}
 * @param gapMs pause between frames
 * @param ttftMs wait before the first byte (slow_ttft)
 * @param then the fault that follows a slow_ttft wait (null: a clean stream)
 * @param retryAfterS the Retry-After header of a 429/503
 * @param holdMs how long a stall keeps the socket open at most
 */
public record FaultSpec(
    FaultKind kind, int status, int wsCode, int frames, int atFrame, long afterBytes, long gapMs,
    long ttftMs, FaultSpec then, int retryAfterS, long holdMs) {

  public static final int DEFAULT_FRAMES = 40;
  public static final int DEFAULT_AT = 5;

  public static FaultSpec clean() {
    return parse(Map.of());
  }

  public static FaultSpec parse(Map<String, String> q) {
    String name = q.getOrDefault("fault", "clean").trim().toLowerCase(java.util.Locale.ROOT);
    FaultSpec then = null;
    if (q.containsKey("then")) {
      if (!name.equals("slow_ttft")) {
        throw new IllegalArgumentException("'then' only follows fault=slow_ttft");
      }
      String t = q.get("then").trim();
      String thenName = t.matches("\\d{3}") ? "http" + t : t;
      if (thenName.equals("slow_ttft")) {
        throw new IllegalArgumentException("then=slow_ttft would wait forever");
      }
      java.util.HashMap<String, String> inner = new java.util.HashMap<>(q);
      inner.remove("then");
      inner.put("fault", thenName);
      inner.remove("ttft_ms");
      then = parse(inner);
    }
    FaultKind kind;
    int status = 0;
    int wsCode = 0;
    if (name.matches("http\\d{3}")) {
      kind = FaultKind.HTTP;
      status = Integer.parseInt(name.substring(4));
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("fault " + name + ": status must be 400..599");
      }
    } else if (name.matches("ws\\d{4}")) {
      kind = FaultKind.WS_CLOSE;
      wsCode = Integer.parseInt(name.substring(2));
      // RFC 6455 §7.4.1: 1005, 1006 and 1015 must never be sent in a close frame.
      if (wsCode < 1000 || wsCode > 4999 || wsCode == 1005 || wsCode == 1006 || wsCode == 1015) {
        throw new IllegalArgumentException("fault " + name + ": not a close code a server may send"
            + " (use ws_drop for 1006)");
      }
    } else {
      kind = byId(name);
    }
    boolean drip = kind == FaultKind.DRIP;
    int frames = (int) num(q, "frames", drip ? 20 : DEFAULT_FRAMES, 1, 100_000);
    int at = (int) num(q, "at", Math.min(DEFAULT_AT, frames), 0, frames);
    long after = num(q, "after", -1, 0, 1L << 30);
    if (kind == FaultKind.CUT && after < 0) {
      throw new IllegalArgumentException("fault cut needs after=N (bytes)");
    }
    long gap = num(q, "gap_ms", drip ? 1000 : 25, 0, 600_000);
    long ttft = num(q, "ttft_ms", kind == FaultKind.SLOW_TTFT ? 5000 : 0, 0, 3_600_000);
    int retryAfter = (int) num(q, "retry_after", 20, 0, 86_400);
    long hold = num(q, "hold_ms", 300_000, 0, 3_600_000);
    return new FaultSpec(kind, status, wsCode, frames, at, after, gap, ttft, then, retryAfter, hold);
  }

  /** The fault's name as written in a URL (http429, ws1011, rst …). */
  public String name() {
    return switch (kind) {
      case HTTP -> "http" + status;
      case WS_CLOSE -> "ws" + wsCode;
      default -> kind.id();
    };
  }

  /** Fails with a clear message when the fault (or its {@code then}) means nothing on the protocol. */
  public FaultSpec checkFor(Proto proto) {
    if (!kind.appliesTo(proto)) {
      throw new IllegalArgumentException("fault " + name() + " needs proto=ws");
    }
    if (then != null) {
      then.checkFor(proto);
    }
    return this;
  }

  private static FaultKind byId(String name) {
    for (FaultKind k : FaultKind.values()) {
      if (k.id().equals(name) && k != FaultKind.HTTP && k != FaultKind.WS_CLOSE) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown fault '" + name + "' (clean, fin, rst, stall, cut,"
        + " drip, http401..http504, ws1011, ws1013, ws_drop, overloaded, slow_ttft)");
  }

  private static long num(Map<String, String> q, String key, long dflt, long min, long max) {
    String v = q.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + v + " is not a number");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(key + "=" + n + " is outside " + min + ".." + max);
    }
    return n;
  }
}
