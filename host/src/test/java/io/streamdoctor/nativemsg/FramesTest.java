package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramesTest {

  private static byte[] frame(ByteOrder order, byte[] body) {
    return ByteBuffer.allocate(4 + body.length).order(order).putInt(body.length).put(body).array();
  }

  @Test
  void encode_nonAsciiText_lengthCountsBytesNotChars() throws Exception {
    byte[] body = "{\"t\":\"é✓😀\"}".getBytes(StandardCharsets.UTF_8);
    byte[] f = Frames.encode(body, ByteOrder.LITTLE_ENDIAN, Frames.MAX_OUTBOUND);
    assertEquals(body.length, ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt());
    assertEquals(17, body.length, "é=2, ✓=3, 😀=4 bytes plus 8 ASCII");
  }

  @Test
  void encode_littleAndBigEndian_headerBytesFollowTheOrder() throws Exception {
    byte[] body = new byte[] {'{', '}'};
    assertArrayEquals(new byte[] {2, 0, 0, 0, '{', '}'}, Frames.encode(body, ByteOrder.LITTLE_ENDIAN, 10));
    assertArrayEquals(new byte[] {0, 0, 0, 2, '{', '}'}, Frames.encode(body, ByteOrder.BIG_ENDIAN, 10));
  }

  @Test
  void write_usesNativeOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Frames.write(out, "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.nativeOrder()).getInt());
  }

  @Test
  void read_roundTrip_returnsBodyThenNullAtEof() throws Exception {
    byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    ByteArrayInputStream in = new ByteArrayInputStream(frame(ByteOrder.nativeOrder(), body));
    assertArrayEquals(body, Frames.read(in));
    assertNull(Frames.read(in));
  }

  @Test
  void read_zeroLength_isFrameEmptyAndSessionContinues() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.read(new ByteArrayInputStream(new byte[4])));
    assertEquals(ErrorCode.FRAME_EMPTY, e.code());
    assertEquals(false, e.code().endsSession());
  }

  @Test
  void read_negativeLength_isTooLarge() {
    byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(-5).array();
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.read(new ByteArrayInputStream(bytes)));
    assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
  }

  @Test
  void read_overTheDiscardLimit_isTooLargeAndEndsTheSession() {
    byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(Frames.MAX_DISCARD + 1).array();
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.read(new ByteArrayInputStream(bytes)));
    assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
    assertEquals(true, e.code().endsSession());
  }

  /**
   * An 8 MiB frame (inside the old documented limit) was read whole, and two of them killed the
   * host under the launcher's -Xmx48m. Over the cap the body is read through and dropped, and the
   * next frame is read as usual.
   */
  @Test
  void read_overCap_isDiscardedAndTheNextFrameIsRead() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(frame(ByteOrder.nativeOrder(), new byte[Frames.MAX_INBOUND + 1]));
    in.write(frame(ByteOrder.nativeOrder(), "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8)));
    ByteArrayInputStream stream = new ByteArrayInputStream(in.toByteArray());
    ProtocolException e = assertThrows(ProtocolException.class, () -> Frames.read(stream));
    assertEquals(ErrorCode.FRAME_DISCARDED, e.code());
    assertEquals(111, e.code().code());
    assertEquals(false, e.code().endsSession());
    assertEquals("{\"type\":\"ping\"}", new String(Frames.read(stream), StandardCharsets.UTF_8));
    assertNull(Frames.read(stream));
  }

  @Test
  void read_overCapButCutShort_isTruncated() {
    byte[] bytes = ByteBuffer.allocate(4 + 10).order(ByteOrder.nativeOrder()).putInt(Frames.MAX_INBOUND + 1).array();
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.read(new ByteArrayInputStream(bytes)));
    assertEquals(ErrorCode.FRAME_TRUNCATED, e.code());
  }

  @Test
  void read_exactlyAtCap_isAccepted() throws Exception {
    byte[] body = new byte[64];
    java.util.Arrays.fill(body, (byte) ' ');
    byte[] f = frame(ByteOrder.nativeOrder(), body);
    assertEquals(64, Frames.read(new ByteArrayInputStream(f), ByteOrder.nativeOrder(), 64).length);
  }

  @Test
  void read_truncatedHeader_isTruncated() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.read(new ByteArrayInputStream(new byte[] {5, 0})));
    assertEquals(ErrorCode.FRAME_TRUNCATED, e.code());
  }

  @Test
  void read_truncatedBody_isTruncated() {
    byte[] f = frame(ByteOrder.nativeOrder(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(f, f.length - 2);
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.read(new ByteArrayInputStream(cut)));
    assertEquals(ErrorCode.FRAME_TRUNCATED, e.code());
  }

  @Test
  void requireUtf8_invalidSequence_isInvalidUtf8() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.requireUtf8(new byte[] {'{', (byte) 0xC3, '}'}));
    assertEquals(ErrorCode.INVALID_UTF8, e.code());
  }

  @Test
  void requireUtf8_overlongEncoding_isRejected() {
    assertThrows(ProtocolException.class, () -> Frames.requireUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF}));
  }

  @Test
  void encode_overOutboundCap_isReplyTooLarge() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> Frames.encode(new byte[Frames.MAX_OUTBOUND + 1], ByteOrder.nativeOrder(), Frames.MAX_OUTBOUND));
    assertEquals(ErrorCode.REPLY_TOO_LARGE, e.code());
  }

  @Test
  void length_pollutedStdout_decodesTheTextBack() {
    byte[] polluted = "Hell".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x6c6c6548L, Frames.length(polluted, ByteOrder.LITTLE_ENDIAN));
  }
}
