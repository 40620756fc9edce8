package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.nativemsg.Frames;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PollutionTest {
  @Test
  void explain_textBeforeFrame_quotesTheTextAndTheBogusLength() {
    byte[] out = "Hello from .bashrc\n\u0010\u0000\u0000\u0000{\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
    byte[] header = java.util.Arrays.copyOf(out, 4);
    byte[] rest = java.util.Arrays.copyOfRange(out, 4, out.length);
    long len = Frames.length(header, ByteOrder.LITTLE_ENDIAN);
    String s = Pollution.explain(header, rest, len);
    assertTrue(s.contains("printed \"Hello from .bashrc\\n\""), s);
    assertTrue(s.contains("reads \"Hell\" as a message length of 1819043144 bytes"), s);
  }

  @Test
  void explain_zeroLength_saysEmptyFrame() {
    assertTrue(Pollution.explain(new byte[4], new byte[0], 0).contains("empty frame"));
  }
}
