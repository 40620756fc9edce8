package io.streamdoctor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.nativemsg.Acker;
import io.streamdoctor.nativemsg.CoreCommands;
import io.streamdoctor.nativemsg.FrameWriter;
import io.streamdoctor.nativemsg.MessageRouter;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.Pipeline;
import io.streamdoctor.timeline.Timeline;
import io.streamdoctor.timeline.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a recording keeps: bound events only, never fields the protocol does not define. */
class RecordingTest {
  static final double NOW = 1_796_000_000_000.0;
  static final String CANARY = "CANARY-prompt-5d1e";
  @TempDir Path dir;

  private static void send(MessageRouter router, String json, double at) {
    router.handle(json.getBytes(StandardCharsets.UTF_8), at);
  }

  private static MessageRouter router(Recorder recorder) {
    FrameWriter writer = new FrameWriter(new ByteArrayOutputStream());
    Pipeline pipeline = new Pipeline(Timeline.standard(), Engine.standard(), new VirtualScheduler(), d -> {});
    return new MessageRouter(pipeline, new ClockMapper(), recorder, writer, new Acker(writer, () -> {}),
        CoreCommands.all(pipeline));
  }

  /** Messages used to be recorded verbatim: a page's prompt in an extra field was kept. */
  @Test
  void record_unknownFieldsWithText_neverReachTheFileAndTheSessionStillReplays() throws Exception {
    Path file = dir.resolve("rec/session.jsonl");
    SwitchRecorder rec = new SwitchRecorder();
    rec.start(file, NOW);
    MessageRouter router = router(rec);
    send(router, "{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":" + (long) (NOW - 900) + ",\"stream\":\"1:1\","
        + "\"site\":\"lab\",\"url\":\"http://127.0.0.1/lab/sse/a\",\"kind\":\"sse\",\"prompt\":\"" + CANARY + "\"}", NOW - 900);
    send(router, "{\"v\":1,\"type\":\"stream.end\",\"seq\":2,\"ts\":" + (long) (NOW - 10) + ",\"stream\":\"1:1\","
        + "\"outcome\":\"http_error\",\"httpStatus\":429,\"answer\":{\"text\":\"" + CANARY + "\"},"
        + "\"notes\":[\"" + CANARY + "\"]}", NOW);
    rec.close();
    String text = Files.readString(file);
    assertFalse(text.contains(CANARY), text);
    assertFalse(text.contains("prompt") || text.contains("answer"), text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    List<Diagnosis> verdicts = new Replayer(Engine.standard()).replay(file);
    assertEquals(1, verdicts.size(), text);
    assertEquals("server.overloaded", verdicts.get(0).findings().get(0).cause());
  }

  /** A recording left on for days stops at its cap with a last line replay skips, not a full disk. */
  @Test
  void record_overTheSizeCap_stopsWithAMarkerAndStillReplays() throws Exception {
    Path file = dir.resolve("capped.jsonl");
    JsonlRecorder rec = new JsonlRecorder(file, NOW, 4_000);
    MessageRouter router = router(rec);
    for (int i = 0; i < 200; i++) {
      send(router, "{\"v\":1,\"type\":\"browser.connectivity\",\"seq\":" + (i + 1) + ",\"ts\":" + (long) (NOW + i)
          + ",\"online\":true}", NOW + i);
    }
    rec.close();
    List<String> lines = Files.readAllLines(file);
    assertTrue(Files.size(file) < 4_000 + 200, Files.size(file) + " bytes");
    assertTrue(lines.get(lines.size() - 1).contains("\"stopped\":\"size_cap\""), lines.get(lines.size() - 1));
    assertTrue(lines.size() > 10, "it recorded until the cap: " + lines.size());
    new Replayer(Engine.standard()).replay(file);
  }
}
