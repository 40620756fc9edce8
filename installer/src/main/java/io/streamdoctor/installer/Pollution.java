package io.streamdoctor.installer;

import java.nio.charset.StandardCharsets;

/**
 * Explains a corrupted first frame. The browser reads the first 4 bytes of the host's stdout as a
 * length; when something printed text first ("Picked up JAVA_TOOL_OPTIONS", an echo in a shell
 * profile, a banner), those 4 bytes are ASCII and decode to a huge length (Chrome then reports
 * "Error when communicating with the native messaging host"). Decoding them back shows the culprit.
 */
public final class Pollution {
  private Pollution() {}

  public static String explain(byte[] header, byte[] more, long length) {
    if (length == 0) {
      return "stdout polluted: the host's first 4 bytes are zero (an empty frame); something wrote NUL bytes first";
    }
    byte[] all = new byte[header.length + more.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(more, 0, all, header.length, more.length);
    return "stdout polluted: before its first frame the host printed \"" + printable(all)
        + "\"; the browser reads \"" + printable(header) + "\" as a message length of " + length
        + " bytes and drops the host. Find what prints this (launcher, shell profile, JVM options) and send it to stderr";
  }

  /** The text as a user would recognise it: up to the first frame-looking bytes, escapes for the rest. */
  static String printable(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
        // Most likely the start of the real frame's binary length: stop quoting here.
        break;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
