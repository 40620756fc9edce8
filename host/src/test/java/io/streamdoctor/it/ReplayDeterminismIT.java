package io.streamdoctor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.nativemsg.Frames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A live session and the replay of its recording must produce the same diagnosis. */
@Timeout(90)
class ReplayDeterminismIT {
  @TempDir Path home;

  @Test
  void liveSession_replayOfItsRecording_sameVerdicts() throws Exception {
    Path recording = home.resolve("session.jsonl");
    Map<String, JsonNode> live = new LinkedHashMap<>();
    try (HostProcess host = HostProcess.start(home, Map.of("STREAMDOCTOR_RECORD", recording.toString()),
        HostProcessIT.ORIGIN)) {
      host.read(10_000);
      long t = System.currentTimeMillis();
      int seq = 1;
      // Break 1: a reset mid-stream with the browser's error arriving just after the hook's end.
      host.send(ev(seq++, t, "\"type\":\"stream.open\",\"stream\":\"1:1\",\"site\":\"chatgpt\",\"url\":\"https://chatgpt.com/backend-api/conversation\",\"kind\":\"sse\",\"tabId\":1,\"payloadBytes\":300"));
      host.send(ev(seq++, t + 200, "\"type\":\"stream.first_token\",\"stream\":\"1:1\",\"ttftMs\":200"));
      host.send(ev(seq++, t + 900, "\"type\":\"stream.end\",\"stream\":\"1:1\",\"outcome\":\"error\",\"frames\":40,\"bytes\":4000,\"errorName\":\"TypeError\",\"lastFrameAgoMs\":15"));
      Thread.sleep(30);
      host.send(ev(seq++, t + 905, "\"type\":\"browser.request_error\",\"tabId\":1,\"url\":\"https://chatgpt.com/backend-api/conversation\",\"error\":\"net::ERR_NETWORK_CHANGED\",\"resourceType\":\"xmlhttprequest\""));
      Thread.sleep(400);
      // Break 2: a WebSocket closed 1013 in another tab.
      host.send(ev(seq++, t + 1000, "\"type\":\"stream.open\",\"stream\":\"2:1\",\"site\":\"copilot\",\"url\":\"wss://copilot.microsoft.com/c/api/chat\",\"kind\":\"ws\",\"tabId\":2"));
      host.send(ev(seq++, t + 1500, "\"type\":\"stream.end\",\"stream\":\"2:1\",\"outcome\":\"error\",\"frames\":3,\"bytes\":90,\"closeCode\":1013,\"wasClean\":true"));
      // A clean stream: no break.
      host.send(ev(seq++, t + 1600, "\"type\":\"stream.open\",\"stream\":\"1:2\",\"site\":\"chatgpt\",\"url\":\"https://chatgpt.com/backend-api/conversation\",\"kind\":\"sse\",\"tabId\":1"));
      host.send(ev(seq++, t + 2600, "\"type\":\"stream.end\",\"stream\":\"1:2\",\"outcome\":\"complete\",\"frames\":90,\"bytes\":9000,\"terminalSeen\":true"));
      Thread.sleep(400);
      host.closeStdin();
      collect(host.drain(20_000), live, new ArrayList<>());
      assertEquals(0, host.waitFor(10_000));
    }
    assertEquals(2, live.size(), "two breaks diagnosed live: " + live.keySet());

    Process replay = new ProcessBuilder(HostProcess.javaBin(), "-jar", HostProcess.jar().toString(),
        "replay", recording.toString(), "--json").redirectErrorStream(false).start();
    byte[] out = replay.getInputStream().readAllBytes();
    replay.waitFor(30, TimeUnit.SECONDS);
    assertEquals(0, replay.exitValue(), new String(replay.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    JsonNode replayed = Json.MAPPER.readTree(out).get("breaks");
    assertEquals(live.size(), replayed.size());
    int i = 0;
    for (JsonNode liveBreak : live.values()) {
      JsonNode r = replayed.get(i++);
      assertEquals(liveBreak.get("breakId"), r.get("breakId"));
      assertEquals(liveBreak.get("symptom"), r.get("symptom"));
      assertEquals(liveBreak.get("findings"), r.get("findings"), "findings identical, evidence times included");
      assertEquals(liveBreak.get("ruledOut"), r.get("ruledOut"));
      assertFalse(r.get("findings").isEmpty());
    }
    assertEquals("network.changed", replayed.at("/0/findings/0/cause").asText());
    assertEquals("server.overloaded", replayed.at("/1/findings/0/cause").asText());
  }

  private static String ev(int seq, long ts, String body) {
    return "{\"v\":1,\"seq\":" + seq + ",\"ts\":" + ts + "," + body + "}";
  }

  private static void collect(byte[] stdout, Map<String, JsonNode> live, List<JsonNode> all) throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(stdout);
    byte[] body;
    while ((body = Frames.read(in, java.nio.ByteOrder.nativeOrder(), Frames.MAX_OUTBOUND)) != null) {
      JsonNode n = Json.MAPPER.readTree(body);
      all.add(n);
      if ("diagnosis".equals(n.path("type").asText()) && n.hasNonNull("break")) {
        live.put(n.at("/break/breakId").asText(), n.get("break"));
      }
    }
  }
}
