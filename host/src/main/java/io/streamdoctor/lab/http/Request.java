package io.streamdoctor.lab.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request head (RFC 9112 §2-§5) read straight off a socket, plus the size of its body,
 * which is read and thrown away: the lab needs to know a large prompt arrived, not what it said.
 */
public record Request(String method, String target, Map<String, String> headers, byte[] rawHead,
    long bodyBytes) {
  static final int MAX_HEAD = 32 * 1024;
  static final long MAX_BODY = 64L << 20;

  /** Thrown for input that is not a request we serve; the message becomes a 400/413/501 body. */
  public static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Reads one request; null when the client closed before sending a byte. */
  public static Request read(InputStream in) throws IOException {
    byte[] head = readHead(in);
    if (head == null) {
      return null;
    }
    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
      throw new BadRequest(400, "not an HTTP/1.x request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "malformed header line");
      }
      headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new BadRequest(501, "chunked request bodies are not supported; send Content-Length");
    }
    long length = 0;
    if (headers.containsKey("content-length")) {
      try {
        length = Long.parseLong(headers.get("content-length"));
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "bad Content-Length");
      }
      if (length < 0 || length > MAX_BODY) {
        throw new BadRequest(413, "body larger than " + MAX_BODY + " bytes");
      }
    }
    in.skipNBytes(length);
    return new Request(start[0], start[1], headers, head, length);
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public boolean isWebSocketUpgrade() {
    String up = header("upgrade");
    return up != null && up.equalsIgnoreCase("websocket");
  }

  /** Reads up to and including the blank line; null on EOF before the first byte. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
    int matched = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (buf.size() == 0) {
          return null;
        }
        throw new BadRequest(400, "connection closed inside the request head");
      }
      buf.write(b);
      if (buf.size() > MAX_HEAD) {
        throw new BadRequest(431, "request head larger than " + MAX_HEAD + " bytes");
      }
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        byte[] all = buf.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 4);
      }
    }
  }
}
