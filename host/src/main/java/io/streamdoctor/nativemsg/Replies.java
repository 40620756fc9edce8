package io.streamdoctor.nativemsg;

import io.streamdoctor.Version;

/**
 * Hand-written JSON for the replies that must not wait for Jackson to load: the hello and
 * errors. Everything else is serialised by Jackson.
 */
public final class Replies {
  private Replies() {}

  public static String hello(long pid, String capabilities) {
    return "{\"v\":1,\"type\":\"hello\",\"protocol\":" + Version.PROTOCOL + ",\"host\":"
        + quote(Version.get()) + ",\"capabilities\":" + capabilities + ",\"pid\":" + pid + "}";
  }

  public static String errorJson(String id, ErrorCode code, String message) {
    return "{\"v\":1,\"type\":\"error\",\"id\":" + (id == null ? "null" : quote(id)) + ",\"code\":"
        + code.code() + ",\"name\":" + quote(code.id()) + ",\"message\":" + quote(message) + "}";
  }

  /** JSON string literal per RFC 8259 section 7. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            // Lone surrogates would make invalid UTF-8; escaping keeps the frame valid.
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
