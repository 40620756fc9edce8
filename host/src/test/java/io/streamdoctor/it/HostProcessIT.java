package io.streamdoctor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Ids;
import io.streamdoctor.nativemsg.Frames;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HostProcessIT {
  static final String ORIGIN = "chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/";
  @TempDir Path home;

  @Test
  void chromeLaunch_eventsWithBreak_helloAckDiagnosisAndCleanExit() throws Exception {
    try (HostProcess host = HostProcess.start(home, Map.of(), ORIGIN)) {
      JsonNode hello = host.read(10_000);
      assertEquals("hello", hello.get("type").asText());
      assertEquals(1, hello.get("protocol").asInt());
      long now = System.currentTimeMillis();
      host.send("{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":" + now + ",\"stream\":\"4:1\",\"site\":\"claude\","
          + "\"url\":\"https://claude.ai/api/organizations/:h1/chat_conversations/:h2/completion\",\"kind\":\"sse\",\"tabId\":4,\"payloadBytes\":900}");
      host.send("{\"v\":1,\"type\":\"stream.first_byte\",\"seq\":2,\"ts\":" + (now + 300) + ",\"stream\":\"4:1\",\"ttfbMs\":300,\"httpStatus\":200}");
      host.send("{\"v\":1,\"type\":\"stream.error\",\"seq\":3,\"ts\":" + (now + 900) + ",\"stream\":\"4:1\",\"errorType\":\"overloaded_error\"}");
      host.send("{\"v\":1,\"type\":\"stream.end\",\"seq\":4,\"ts\":" + (now + 950) + ",\"stream\":\"4:1\",\"outcome\":\"error\",\"frames\":12,\"bytes\":800}");
      List<JsonNode> seen = new ArrayList<>();
      JsonNode diagnosis = host.readUntil("diagnosis", 10_000, seen);
      assertEquals("server.overloaded", diagnosis.at("/break/findings/0/cause").asText());
      assertEquals("something_went_wrong", diagnosis.at("/break/symptom").asText());
      host.send("{\"v\":1,\"type\":\"diagnose\",\"id\":\"q1\",\"stream\":\"4:1\"}");
      JsonNode reply = host.readUntil("diagnosis", 10_000, seen);
      while (!"q1".equals(reply.path("id").asText())) {
        reply = host.readUntil("diagnosis", 10_000, seen);
      }
      assertEquals("server.overloaded", reply.at("/break/findings/0/cause").asText());
      host.closeStdin();
      byte[] rest = host.drain(10_000);
      assertEquals(0, host.waitFor(10_000));
      long maxAck = 0;
      for (JsonNode n : seen) {
        if ("ack".equals(n.path("type").asText())) {
          maxAck = Math.max(maxAck, n.get("upTo").asLong());
        }
      }
      ByteArrayInputStream in = new ByteArrayInputStream(rest);
      byte[] body;
      while ((body = Frames.read(in)) != null) {
        JsonNode n = io.streamdoctor.Json.MAPPER.readTree(body);
        if ("ack".equals(n.path("type").asText())) {
          maxAck = Math.max(maxAck, n.get("upTo").asLong());
        }
      }
      assertEquals(4, maxAck, "every event acknowledged before exit");
    }
  }

  @Test
  void firefoxLaunch_manifestPathAndAddonId_servesHello() throws Exception {
    try (HostProcess host = HostProcess.start(home, Map.of(),
        home.resolve("io.streamdoctor.host.json").toString(), Ids.FIREFOX_ADDON_ID)) {
      assertEquals("hello", host.read(10_000).get("type").asText());
      host.closeStdin();
      assertEquals(0, host.waitFor(10_000));
    }
  }

  @Test
  void unknownOrigin_error200AndExit4() throws Exception {
    try (HostProcess host = HostProcess.start(home, Map.of(), "chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/")) {
      JsonNode err = host.read(10_000);
      assertEquals("error", err.get("type").asText());
      assertEquals(200, err.get("code").asInt());
      assertEquals(4, host.waitFor(10_000));
    }
  }

  @Test
  void oversizedFrame_error101AndSessionEnds() throws Exception {
    try (HostProcess host = HostProcess.start(home, Map.of(), ORIGIN)) {
      host.read(10_000);
      host.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f});
      JsonNode err = host.read(10_000);
      assertEquals(101, err.get("code").asInt());
      assertEquals(3, host.waitFor(10_000));
    }
  }

  @Test
  void logs_goToTheLogDirNotStdout() throws Exception {
    try (HostProcess host = HostProcess.start(home, Map.of(), ORIGIN)) {
      host.read(10_000);
      host.closeStdin();
      assertEquals(0, host.waitFor(10_000));
    }
    assertTrue(java.nio.file.Files.readString(home.resolve("logs/host-0.log")).contains("host started"));
  }
}
