package io.streamdoctor.installer;

import io.streamdoctor.nativemsg.Frames;
import java.nio.ByteOrder;
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

  /**
   * Where the real frame starts inside polluted output: 4 bytes giving a sane length followed by
   * '{' (every frame is a JSON object). -1 when none is visible.
   */
  static int frameStart(byte[] b) {
    for (int i = 1; i + 4 < b.length; i++) {
      long len = Frames.length(java.util.Arrays.copyOfRange(b, i, i + 4), ByteOrder.nativeOrder());
      if (b[i + 4] == '{' && len > 1 && len <= Frames.MAX_OUTBOUND) {
        return i;
      }
    }
    return -1;
  }

  /** The text as a user would recognise it: up to the real frame, control characters escaped. */
  static String printable(byte[] bytes) {
    int cut = frameStart(bytes);
    String s = new String(bytes, 0, cut < 0 ? bytes.length : cut, StandardCharsets.UTF_8);
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
