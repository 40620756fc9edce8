package io.streamdoctor.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A test client that reports exactly what arrived and how the connection ended. */
final class RawClient {
  enum End { EOF, RESET, TIMEOUT, ERROR }

  record Result(byte[] bytes, End end, long elapsedMs, String error) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String statusLine() {
      String t = text();
      int eol = t.indexOf("\r\n");
      return eol < 0 ? t : t.substring(0, eol);
    }
  }

  private RawClient() {}

  static Result post(int port, String target, int readTimeoutMs) throws IOException {
    return exchange(new Socket(), port, "POST", target, "{}", readTimeoutMs);
  }

  static Result get(int port, String target, int readTimeoutMs) throws IOException {
    return exchange(new Socket(), port, "GET", target, "", readTimeoutMs);
  }

  static Result exchange(Socket s, int port, String method, String target, String body,
      int readTimeoutMs) throws IOException {
    long t0 = System.nanoTime();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (s) {
      if (!s.isConnected()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      }
      s.setSoTimeout(readTimeoutMs);
      OutputStream o = s.getOutputStream();
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      o.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.write(b);
      o.flush();
      return readAll(s.getInputStream(), got, t0);
    }
  }

  static Result readAll(InputStream in, ByteArrayOutputStream got, long t0) {
    byte[] buf = new byte[8192];
    End end;
    String error = null;
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        got.write(buf, 0, n);
      }
      end = End.EOF;
    } catch (SocketTimeoutException e) {
      end = End.TIMEOUT;
    } catch (SocketException e) {
      error = e.getMessage();
      end = String.valueOf(error).contains("reset") ? End.RESET : End.ERROR;
    } catch (IOException e) {
      error = e.toString();
      end = End.ERROR;
    }
    return new Result(got.toByteArray(), end, (System.nanoTime() - t0) / 1_000_000, error);
  }
}
