package io.streamdoctor.lab.ws;

/**
 * Follows the server-to-client byte stream of a relayed WebSocket (the HTTP 101 head, then
 * frames) just far enough to tell when the server has sent a Close frame (opcode 0x8, RFC 6455
 * §5.2, §5.5.1). Server frames are never masked (§5.1), so each header is 2, 4 or 10 bytes.
 */
final class CloseFrameWatch {
  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
  private int headMatched;
  private boolean inFrames;
  /** Header bytes of the frame being read (at most 10). */
  private final byte[] header = new byte[10];
  private int headerLen;
  private long payloadLeft;
  private boolean closeSeen;

  boolean closeSeen() {
    return closeSeen;
  }

  void accept(byte[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && !closeSeen) {
      if (!inFrames) {
        byte b = buf[i++];
        if (b == HEAD_END[headMatched]) {
          headMatched++;
        } else {
          headMatched = b == '\r' ? 1 : 0;
        }
        inFrames = headMatched == HEAD_END.length;
      } else if (payloadLeft > 0) {
        int skip = (int) Math.min(payloadLeft, end - i);
        payloadLeft -= skip;
        i += skip;
      } else {
        header[headerLen++] = buf[i++];
        headerDone();
      }
    }
  }

  private void headerDone() {
    if (headerLen < 2) {
      return;
    }
    int len7 = header[1] & 0x7f;
    int need = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
    if (headerLen < need) {
      return;
    }
    if ((header[0] & 0x0f) == 0x8) {
      closeSeen = true;
    }
    long len = len7;
    if (len7 >= 126) {
      len = 0;
      for (int k = 2; k < need; k++) {
        len = (len << 8) | (header[k] & 0xff);
      }
    }
    payloadLeft = len;
    headerLen = 0;
  }
}
