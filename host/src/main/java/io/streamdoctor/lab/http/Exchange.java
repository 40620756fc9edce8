package io.streamdoctor.lab.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One response on one connection, with the socket in reach: the lab's faults are about how a
 * connection ends (FIN, RST, silence, a byte-exact cut), which the JDK HTTP server hides. Every
 * response is {@code Connection: close}, so one connection carries one exchange.
 */
public final class Exchange {
  /** Thrown when a write reaches the byte limit set with {@link #limitTo}. */
  public static final class LimitReached extends IOException {
    private static final long serialVersionUID = 1L;

    LimitReached(long limit) {
      super("byte limit " + limit + " reached");
    }
  }

  private final Socket raw;
  private final Socket io;
  private final InputStream in;
  private final OutputStream out;
  private long sent;
  private long limit = -1;
  private boolean closed;

  /**
   * @param raw the TCP socket (for SO_LINGER and shutdown)
   * @param io the socket to talk through: {@code raw} itself, or a TLS socket layered on it
   */
  public Exchange(Socket raw, Socket io, InputStream in) throws IOException {
    this.raw = raw;
    this.io = io;
    this.in = in;
    this.out = io.getOutputStream();
  }

  public Socket rawSocket() {
    return raw;
  }

  public InputStream input() {
    return in;
  }

  public long bytesSent() {
    return sent;
  }

  /** From now on at most {@code n} response bytes in total go out; then writes throw LimitReached. */
  public void limitTo(long n) {
    limit = n;
  }

  public void head(int status, String reason, String... headerLines) throws IOException {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason)
        .append("\r\n");
    for (String h : headerLines) {
      sb.append(h).append("\r\n");
    }
    sb.append("Connection: close\r\n\r\n");
    write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** One HTTP/1.1 chunk (RFC 9112 §7.1), flushed at once so the client sees it as one frame. */
  public void chunk(byte[] data) throws IOException {
    write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    write(data);
    write(new byte[] {'\r', '\n'});
  }

  /** The zero-length last chunk: without it a browser reports ERR_INCOMPLETE_CHUNKED_ENCODING. */
  public void lastChunk() throws IOException {
    write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** A complete response with a Content-Length body, then an orderly close. */
  public void respond(int status, String reason, String contentType, byte[] body,
      String... extraHeaders) throws IOException {
    String[] headers = new String[extraHeaders.length + 3];
    headers[0] = "Content-Type: " + contentType;
    headers[1] = "Content-Length: " + body.length;
    headers[2] = "Cache-Control: no-store";
    System.arraycopy(extraHeaders, 0, headers, 3, extraHeaders.length);
    head(status, reason, headers);
    write(body);
    finish();
  }

  /** The orderly end of a complete response: TLS close_notify when over TLS, then FIN. */
  public void finish() {
    if (io != raw && !closed) {
      try {
        io.shutdownOutput();
      } catch (IOException | UnsupportedOperationException ignored) {
        // the FIN below still ends the response
      }
    }
    fin();
  }

  public void write(byte[] data) throws IOException {
    if (limit >= 0 && sent + data.length > limit) {
      int part = (int) Math.max(0, limit - sent);
      out.write(data, 0, part);
      out.flush();
      sent += part;
      throw new LimitReached(limit);
    }
    out.write(data);
    out.flush();
    sent += data.length;
  }

  /** Orderly close: FIN after everything written. Over TLS no close_notify is sent (a cut). */
  public void fin() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      raw.shutdownOutput();
    } catch (IOException ignored) {
      // already gone: the close below is all that is left to do
    }
    closeQuietly();
  }

  /** SO_LINGER 0 then close: Linux discards the send queue and sends RST (tcp(7), socket(7)). */
  public void rst() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      raw.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // the socket is already dead; close anyway
    }
    closeQuietly();
  }

  /**
   * Keeps the connection open and silent until the client closes it, {@code maxMs} pass or the
   * thread is interrupted. Returns how it ended: {@code client_closed}, {@code timeout}, {@code stopped}.
   */
  public String holdSilently(long maxMs) {
    long deadline = System.currentTimeMillis() + maxMs;
    byte[] sink = new byte[4096];
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return "timeout";
        }
        io.setSoTimeout((int) Math.min(left, 250));
        try {
          if (in.read(sink) < 0) {
            return "client_closed";
          }
        } catch (SocketTimeoutException e) {
          // no news: keep holding
        }
      }
      return "stopped";
    } catch (IOException e) {
      return raw.isClosed() ? "stopped" : "client_closed";
    } finally {
      try {
        io.setSoTimeout(0);
      } catch (IOException ignored) {
        // closed: nothing will read again
      }
    }
  }

  public void closeQuietly() {
    closed = true;
    try {
      raw.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
