package io.streamdoctor.lab.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseFrameWatchTest {
  private static final byte[] HEAD = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
      + "Connection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

  /** An unmasked server frame (RFC 6455 §5.2) with FIN set. */
  private static byte[] frame(int opcode, int payloadLen) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x80 | opcode);
    if (payloadLen < 126) {
      b.write(payloadLen);
    } else if (payloadLen < 65536) {
      b.write(126);
      b.write(payloadLen >> 8);
      b.write(payloadLen & 0xff);
    } else {
      b.write(127);
      for (int k = 7; k >= 0; k--) {
        b.write((int) ((long) payloadLen >> (8 * k)) & 0xff);
      }
    }
    // A payload full of 0x88 bytes: a scanner that lost its place would take one for a Close.
    for (int i = 0; i < payloadLen; i++) {
      b.write(0x88);
    }
    return b.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private static CloseFrameWatch feed(byte[] all, int chunk) {
    CloseFrameWatch w = new CloseFrameWatch();
    for (int i = 0; i < all.length; i += chunk) {
      w.accept(all, i, Math.min(chunk, all.length - i));
    }
    return w;
  }

  @Test
  void accept_textFramesOfEveryLengthForm_noClose() {
    byte[] all = concat(HEAD, frame(1, 5), frame(1, 300), frame(1, 70_000), frame(2, 0));
    for (int chunk : new int[] {1, 3, 7, 8192}) {
      assertFalse(feed(all, chunk).closeSeen(), "chunk " + chunk);
    }
  }

  @Test
  void accept_closeAfterTextFrames_closeSeenInAnyChunking() {
    byte[] all = concat(HEAD, frame(1, 5), frame(1, 300), frame(1, 70_000), frame(8, 2));
    for (int chunk : new int[] {1, 2, 5, 8192}) {
      assertTrue(feed(all, chunk).closeSeen(), "chunk " + chunk);
    }
  }

  @Test
  void accept_closeBytesInsideTheHttpHead_notAClose() {
    byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nX: \u0088\u0088\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    assertFalse(feed(concat(head, frame(1, 3)), 1).closeSeen());
  }
}
