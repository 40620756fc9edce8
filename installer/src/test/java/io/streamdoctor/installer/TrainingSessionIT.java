package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Ids;
import io.streamdoctor.Json;
import io.streamdoctor.it.HostProcess;
import io.streamdoctor.nativemsg.Frames;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install-time training session against the real host: it must take the way a real session
 * takes (every event accepted and acknowledged, every request answered, no error frame), or the
 * archive would hold the classes of error paths; and it must find no break, so no post-mortem
 * probe runs during an install.
 */
@Timeout(60)
class TrainingSessionIT {
  @TempDir Path home;

  @Test
  void trainingSession_realHost_everyEventAckedEveryRequestAnsweredNoErrorNoBreak() throws Exception {
    TrainingSession.prepareHome(home);
    List<JsonNode> replies = new ArrayList<>();
    try (HostProcess host = HostProcess.start(home, Map.of("STREAMDOCTOR_LOOPBACK_ONLY", "1"),
        "chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/")) {
      for (String json : TrainingSession.frames(System.currentTimeMillis())) {
        host.send(json);
      }
      host.closeStdin();
      ByteArrayInputStream in = new ByteArrayInputStream(host.drain(30_000));
      byte[] body;
      while ((body = Frames.read(in)) != null) {
        replies.add(Json.MAPPER.readTree(body));
      }
      assertEquals(0, host.waitFor(10_000));
    }
    // The host read the prepared config file and found nothing wrong in it (HostMain logs a bad
    // targets.json as "... using the default targets").
    String log = Files.readString(home.resolve("logs/host-0.log"));
    assertFalse(log.contains("targets"), log);
    Map<String, String> answered = new HashMap<>();
    long maxAck = 0;
    for (JsonNode r : replies) {
      String type = r.path("type").asText();
      assertFalse(type.equals("error"), "error frame: " + r);
      if (r.hasNonNull("id")) {
        answered.put(r.get("id").asText(), type);
      }
      if (type.equals("ack")) {
        maxAck = Math.max(maxAck, r.get("upTo").asLong());
      }
      if (type.equals("diagnosis")) {
        assertTrue(r.path("break").isNull() || r.path("break").isMissingNode(), "a break in training: " + r);
      }
    }
    assertEquals("hello", replies.get(0).path("type").asText());
    assertEquals(Map.of("t1", "client.hello", "t2", "pong"), answered);
    long events = TrainingSession.frames(0).stream().filter(f -> f.contains("\"seq\":")).count();
    assertEquals(events, maxAck, "every training event acknowledged");
  }
}
