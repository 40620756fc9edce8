package io.streamdoctor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.installer.JavaRuntime;
import io.streamdoctor.installer.Os;
import io.streamdoctor.nativemsg.Frames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized input under the JVM options the installed launcher uses (-Xmx48m and the rest,
 * {@code installer.JavaRuntime#baseOptions}): two 8 MiB frames, inside the limit documented
 * until now, ended in an OutOfMemoryError and a dead host. Now each gets error 111 and the host
 * keeps serving; oversized fields inside a frame under the cap get error 107.
 */
@Timeout(120)
class LargeFrameIT {
  @TempDir Path home;

  @Test
  void launcherOptions_twoEightMiBFramesAndFatFields_errorsAndTheHostKeepsServing() throws Exception {
    List<String> options = JavaRuntime.current(Os.current()).baseOptions();
    assertTrue(options.contains("-Xmx48m"), options.toString());
    try (HostProcess host = HostProcess.start(options, home, Map.of(), HostProcessIT.ORIGIN)) {
      assertEquals("hello", host.read(10_000).get("type").asText());
      long now = System.currentTimeMillis();
      String big = "{\"v\":1,\"type\":\"browser.extensions\",\"seq\":1,\"ts\":" + now + ",\"extensions\":["
          + "{\"id\":\"a\",\"name\":\"x\",\"enabled\":true},".repeat(8 * 1024 * 1024 / 40) + "{}]}";
      for (int i = 0; i < 2; i++) {
        host.send(big);
      }
      // Under the frame cap but over the field caps: a 200 KB string, 2,000 list items.
      host.send("{\"v\":1,\"type\":\"browser.cookie_changed\",\"seq\":2,\"ts\":" + now
          + ",\"site\":\"chatgpt\",\"name\":\"" + "n".repeat(200_000) + "\",\"removed\":true}");
      host.send("{\"v\":1,\"type\":\"browser.extensions\",\"seq\":3,\"ts\":" + now + ",\"extensions\":["
          + "{\"id\":\"a\",\"name\":\"x\",\"enabled\":true},".repeat(2000) + "{}]}");
      host.send("{\"v\":1,\"type\":\"browser.connectivity\",\"seq\":4,\"ts\":" + now + ",\"online\":true}");
      host.send("{\"v\":1,\"type\":\"ping\",\"id\":\"p1\"}");
      List<JsonNode> seen = new ArrayList<>();
      host.readUntil("pong", 30_000, seen);
      List<Integer> codes = seen.stream().filter(n -> "error".equals(n.path("type").asText()))
          .map(n -> n.get("code").asInt()).toList();
      assertEquals(List.of(111, 111, 107, 107), codes, seen.toString());
      host.closeStdin();
      byte[] rest = host.drain(20_000);
      assertEquals(0, host.waitFor(20_000), "exit code; stderr: " + stderr());
      long upTo = 0;
      ByteArrayInputStream in = new ByteArrayInputStream(rest);
      byte[] body;
      while ((body = Frames.read(in, java.nio.ByteOrder.nativeOrder(), Frames.MAX_OUTBOUND)) != null) {
        JsonNode n = io.streamdoctor.Json.MAPPER.readTree(body);
        upTo = Math.max(upTo, n.path("upTo").asLong());
      }
      assertEquals(4, upTo, "the good event after the bad ones is stored and acknowledged");
      assertFalse(stderr().contains("OutOfMemoryError"), stderr());
    }
  }

  private String stderr() throws java.io.IOException {
    Path f = home.resolve("stderr.txt");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }
}
