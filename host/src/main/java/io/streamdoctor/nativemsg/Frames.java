package io.streamdoctor.nativemsg;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Native-messaging framing as pure functions: a 32-bit length in native byte order followed by
 * that many bytes of UTF-8 JSON. Chrome: "Each message is serialized using JSON, UTF-8 encoded
 * and is preceded with 32-bit message length in native byte order." The host-to-browser limit is
 * 1 MiB (Chrome closes the port above it); browser-to-host is capped by us at
 * {@link #MAX_INBOUND}.
 */
public final class Frames {
  /**
   * The largest frame the host reads. Real messages are far smaller: events are under 4 KiB, the
   * largest is a {@code browser.extensions} inventory (~300 bytes per extension at worst, so
   * hundreds of extensions fit), requests are a few hundred bytes. 8 MiB here let two frames
   * exhaust the launcher's {@code -Xmx48m} (bytes, string, JSON tree: an OutOfMemoryError).
   */
  public static final int MAX_INBOUND = 256 * 1024;
  /**
   * Frames over {@link #MAX_INBOUND} up to this size are read through a small buffer and
   * discarded, and the session goes on: the browser writes exactly the announced number of bytes
   * (Chrome allows up to 4 GB to the host), so the next frame boundary is known. Beyond this the
   * length is taken for garbage in the stream rather than a frame, and the session ends.
   */
  public static final int MAX_DISCARD = 64 * 1024 * 1024;
  public static final int MAX_OUTBOUND = 1024 * 1024;

  private Frames() {}

  /**
   * Reads one frame body. Returns {@code null} on a clean end of stream (EOF exactly at a frame
   * boundary).
   */
  public static byte[] read(InputStream in, ByteOrder order, int max)
      throws IOException, ProtocolException {
    byte[] header = new byte[4];
    int got = in.readNBytes(header, 0, 4);
    if (got == 0) {
      return null;
    }
    if (got < 4) {
      throw new ProtocolException(
          ErrorCode.FRAME_TRUNCATED, "end of input inside a frame length (" + got + " of 4 bytes)");
    }
    long length = Integer.toUnsignedLong(ByteBuffer.wrap(header).order(order).getInt());
    if (length == 0) {
      throw new ProtocolException(ErrorCode.FRAME_EMPTY, "frame length is zero");
    }
    if (length > max && length <= Math.max(max, MAX_DISCARD)) {
      discard(in, length);
      throw new ProtocolException(ErrorCode.FRAME_DISCARDED,
          "frame of " + length + " bytes exceeds the limit of " + max + " bytes: discarded");
    }
    if (length > max) {
      throw new ProtocolException(
          ErrorCode.FRAME_TOO_LARGE,
          "frame length " + length + " exceeds " + MAX_DISCARD + " bytes: not a frame, the session ends");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new ProtocolException(
          ErrorCode.FRAME_TRUNCATED,
          "end of input after " + body.length + " of " + length + " announced bytes");
    }
    return body;
  }

  /** Reads and drops {@code length} bytes through a small buffer: memory stays flat. */
  private static void discard(InputStream in, long length) throws IOException, ProtocolException {
    byte[] scratch = new byte[8192];
    long left = length;
    while (left > 0) {
      int got = in.read(scratch, 0, (int) Math.min(scratch.length, left));
      if (got < 0) {
        throw new ProtocolException(ErrorCode.FRAME_TRUNCATED,
            "end of input after " + (length - left) + " of " + length + " announced bytes");
      }
      left -= got;
    }
  }

  public static byte[] read(InputStream in) throws IOException, ProtocolException {
    return read(in, ByteOrder.nativeOrder(), MAX_INBOUND);
  }

  /** Header + body in one array, so a frame is written with a single call. */
  public static byte[] encode(byte[] body, ByteOrder order, int max) throws ProtocolException {
    if (body.length == 0) {
      throw new ProtocolException(ErrorCode.FRAME_EMPTY, "refusing to write an empty frame");
    }
    if (body.length > max) {
      throw new ProtocolException(
          ErrorCode.REPLY_TOO_LARGE, body.length + " bytes exceed the limit of " + max);
    }
    ByteBuffer buf = ByteBuffer.allocate(4 + body.length).order(order);
    buf.putInt(body.length).put(body);
    return buf.array();
  }

  public static void write(OutputStream out, byte[] body) throws IOException, ProtocolException {
    out.write(encode(body, ByteOrder.nativeOrder(), MAX_OUTBOUND));
    out.flush();
  }

  /** Decodes a length header, e.g. to explain what polluted a host's stdout. */
  public static long length(byte[] header, ByteOrder order) {
    if (header.length < 4) {
      throw new IllegalArgumentException("need 4 bytes");
    }
    return Integer.toUnsignedLong(ByteBuffer.wrap(header, 0, 4).order(order).getInt());
  }

  /** Strict UTF-8 check; the ASCII fast path keeps the common case cheap. */
  public static void requireUtf8(byte[] body) throws ProtocolException {
    for (byte b : body) {
      if (b < 0) {
        try {
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
          return;
        } catch (CharacterCodingException e) {
          throw new ProtocolException(ErrorCode.INVALID_UTF8, "frame body is not valid UTF-8");
        }
      }
    }
  }

  /** Reads exactly one frame or fails; for clients (tests, installer status) talking to a host. */
  public static byte[] readExpected(InputStream in, int max) throws IOException, ProtocolException {
    byte[] body = read(in, ByteOrder.nativeOrder(), max);
    if (body == null) {
      throw new EOFException("host closed its output before sending a frame");
    }
    return body;
  }
}
