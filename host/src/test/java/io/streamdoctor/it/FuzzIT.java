package io.streamdoctor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.nativemsg.Frames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated frames into the real jar: stdout must hold only well-formed frames, the
 * process must not hang, and it must exit 0 on EOF (3 only when we sent an impossible length).
 */
@Timeout(120)
class FuzzIT {
  @TempDir Path home;

  @Test
  void host_randomAndMutatedFrames_onlyFramesOnStdoutAndExit0() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      runOnce(seed, 3_000, false);
    }
  }

  @Test
  void host_garbageStream_endsCleanlyWithProtocolExit() throws Exception {
    for (long seed = 10; seed <= 13; seed++) {
      runOnce(seed, 200, true);
    }
  }

  private void runOnce(long seed, int frames, boolean rawGarbageTail) throws Exception {
    Mutator m = new Mutator(seed);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    for (int i = 0; i < frames; i++) {
      input.write(HostProcess.frame(m.next()));
    }
    if (rawGarbageTail) {
      byte[] junk = new byte[64];
      new Random(seed).nextBytes(junk);
      junk[3] = (byte) 0x7f; // a length far over the cap on little-endian machines
      input.write(junk);
    }
    try (HostProcess host = HostProcess.start(home, Map.of(), HostProcessIT.ORIGIN)) {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
        try {
          return host.drain(60_000);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      try {
        host.sendRaw(input.toByteArray());
        host.closeStdin();
      } catch (java.io.IOException brokenPipe) {
        // The host may end the session (error 101) before reading all of a garbage tail.
      }
      byte[] stdout = out.get(60_000, java.util.concurrent.TimeUnit.MILLISECONDS);
      int exit = host.waitFor(30_000);
      assertEquals(rawGarbageTail ? 3 : 0, exit, "seed " + seed);
      int count = 0;
      ByteArrayInputStream in = new ByteArrayInputStream(stdout);
      byte[] body;
      while ((body = Frames.read(in, java.nio.ByteOrder.nativeOrder(), Frames.MAX_OUTBOUND)) != null) {
        JsonNode n = Json.MAPPER.readTree(body);
        assertTrue(n.isObject() && n.hasNonNull("type"), "frame is a typed object: " + n);
        count++;
      }
      assertTrue(count > 1, "hello plus replies, got " + count);
    }
  }
}
