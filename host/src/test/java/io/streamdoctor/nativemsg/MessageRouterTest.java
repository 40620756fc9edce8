package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.Pipeline;
import io.streamdoctor.timeline.Timeline;
import io.streamdoctor.timeline.VirtualScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageRouterTest {
  private ByteArrayOutputStream out;
  private MessageRouter router;
  private Acker acker;
  private VirtualScheduler scheduler;
  private Pipeline pipeline;

  @BeforeEach
  void setUp() {
    out = new ByteArrayOutputStream();
    FrameWriter writer = new FrameWriter(out);
    scheduler = new VirtualScheduler();
    pipeline = new Pipeline(Timeline.standard(), Engine.standard(), scheduler,
        d -> writer.send(DiagnosisMessages.message(d, null).toString()));
    acker = new Acker(writer, () -> {});
    router = new MessageRouter(pipeline, new ClockMapper(), Recorder.NONE, writer, acker,
        CoreCommands.all(pipeline));
  }

  private List<JsonNode> replies() throws Exception {
    List<JsonNode> list = new ArrayList<>();
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    byte[] body;
    while ((body = Frames.read(in)) != null) {
      list.add(Json.MAPPER.readTree(body));
    }
    return list;
  }

  private void send(String json) {
    router.handle(json.getBytes(StandardCharsets.UTF_8), 1000);
  }

  @Test
  void handle_request_replyEchoesId() throws Exception {
    send("{\"v\":1,\"type\":\"ping\",\"id\":\"r7\"}");
    JsonNode r = replies().get(0);
    assertEquals("pong", r.get("type").asText());
    assertEquals("r7", r.get("id").asText());
  }

  @Test
  void handle_unknownType_error106WithId() throws Exception {
    send("{\"v\":1,\"type\":\"strem.end\",\"id\":\"x\"}");
    JsonNode r = replies().get(0);
    assertEquals(106, r.get("code").asInt());
    assertEquals("x", r.get("id").asText());
  }

  @Test
  void handle_notJson_error104() throws Exception {
    send("{nope");
    assertEquals(104, replies().get(0).get("code").asInt());
  }

  @Test
  void handle_array_error105() throws Exception {
    send("[1,2]");
    assertEquals(105, replies().get(0).get("code").asInt());
  }

  @Test
  void handle_newerVersion_error108() throws Exception {
    send("{\"v\":2,\"type\":\"ping\"}");
    assertEquals(108, replies().get(0).get("code").asInt());
  }

  @Test
  void handle_eventWithoutStream_error107() throws Exception {
    send("{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":5}");
    assertEquals(107, replies().get(0).get("code").asInt());
  }

  @Test
  void handle_eventWithWrongFieldType_error107() throws Exception {
    send("{\"v\":1,\"type\":\"stream.progress\",\"seq\":1,\"ts\":5,\"stream\":\"1:1\",\"frames\":{\"x\":1}}");
    assertEquals(107, replies().get(0).get("code").asInt());
  }

  @Test
  void handle_sixtyFourEvents_oneBatchAck() throws Exception {
    for (int i = 1; i <= 64; i++) {
      send("{\"v\":1,\"type\":\"browser.connectivity\",\"seq\":" + i + ",\"ts\":1000,\"online\":true}");
    }
    List<JsonNode> r = replies();
    assertEquals(1, r.size());
    assertEquals("ack", r.get(0).get("type").asText());
    assertEquals(64, r.get(0).get("upTo").asLong());
  }

  @Test
  void handle_fewEvents_ackedOnFlush() throws Exception {
    send("{\"v\":1,\"type\":\"browser.connectivity\",\"seq\":3,\"ts\":1000,\"online\":true}");
    assertTrue(replies().isEmpty());
    acker.flush();
    assertEquals(3, replies().get(0).get("upTo").asLong());
  }

  @Test
  void handle_brokenStream_diagnosisAfterSettle() throws Exception {
    send("{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":900,\"stream\":\"1:1\",\"site\":\"lab\",\"url\":\"http://127.0.0.1/lab/sse/a\",\"kind\":\"sse\"}");
    send("{\"v\":1,\"type\":\"stream.end\",\"seq\":2,\"ts\":999,\"stream\":\"1:1\",\"outcome\":\"http_error\",\"httpStatus\":429}");
    assertTrue(replies().isEmpty(), "nothing before the settle time");
    scheduler.advanceTo(1000 + Pipeline.SETTLE_MS);
    JsonNode d = replies().get(0);
    assertEquals("diagnosis", d.get("type").asText());
    assertEquals("server.overloaded", d.at("/break/findings/0/cause").asText());
    assertEquals("something_went_wrong", d.at("/break/symptom").asText());
  }

  @Test
  void handle_browserAbortArrivesAfterTheEnd_noDiagnosisAndTheAckIsReleased() throws Exception {
    pipeline.onWithdrawn(acker::release);
    send("{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":900,\"stream\":\"1:1\",\"site\":\"lab\",\"url\":\"http://127.0.0.1/lab/sse/a\",\"kind\":\"sse\"}");
    send("{\"v\":1,\"type\":\"stream.end\",\"seq\":2,\"ts\":999,\"stream\":\"1:1\",\"outcome\":\"error\",\"frames\":4,\"errorName\":\"TypeError\"}");
    send("{\"v\":1,\"type\":\"browser.request_error\",\"seq\":3,\"ts\":1010,\"tabId\":1,\"url\":\"http://127.0.0.1/lab/sse/a\",\"error\":\"NS_BINDING_ABORTED\",\"resourceType\":\"xmlhttprequest\",\"stream\":\"1:1\"}");
    scheduler.advanceTo(1000 + Pipeline.SETTLE_MS);
    acker.flush();
    List<JsonNode> r = replies();
    assertTrue(r.stream().noneMatch(x -> x.get("type").asText().equals("diagnosis")), r.toString());
    assertEquals(3, r.get(r.size() - 1).get("upTo").asLong(), "the withdrawn break holds no ack: " + r);
  }

  @Test
  void handle_diagnoseBeforeAnyBreak_stageNone() throws Exception {
    send("{\"v\":1,\"type\":\"diagnose\",\"id\":\"d1\"}");
    JsonNode r = replies().get(0);
    assertEquals("diagnosis", r.get("type").asText());
    assertEquals("none", r.get("stage").asText());
    assertEquals("d1", r.get("id").asText());
  }

  /** {@code asInt()} wrapped 2^32+1 to 1 and truncated 1.5 and accepted 0 and -7: none is a version. */
  @Test
  void handle_versionNotAWholeNumberFromOne_error108() throws Exception {
    for (String v : List.of("4294967297", "0", "-7", "1.5", "\"1\"", "1e400")) {
      out.reset();
      send("{\"v\":" + v + ",\"type\":\"ping\",\"id\":\"r\"}");
      send("{\"v\":" + v + ",\"type\":\"browser.connectivity\",\"seq\":1,\"ts\":1000,\"online\":true}");
      List<JsonNode> r = replies();
      assertEquals(2, r.size(), v + ": " + r);
      assertEquals(108, r.get(0).get("code").asInt(), v + ": " + r);
      assertEquals(108, r.get(1).get("code").asInt(), v + ": " + r);
    }
    out.reset();
    send("{\"v\":1.0,\"type\":\"ping\",\"id\":\"r\"}");
    assertEquals("pong", replies().get(0).get("type").asText());
  }

  /**
   * One event with ts 1e300 used to poison the clock mapping for the session: break ids
   * {@code b--9223372036854775808-…} and every later break pruned from history as it was saved.
   */
  @Test
  void handle_timestampFarFromNow_error109AndLaterBreaksKeepSaneIds() throws Exception {
    double now = 1_796_000_000_000.0;
    for (String ts : List.of("1e300", "-5", String.valueOf((long) now + 2 * 86_400_000L),
        String.valueOf((long) now - 2 * 86_400_000L))) {
      out.reset();
      router.handle(("{\"v\":1,\"type\":\"browser.connectivity\",\"seq\":1,\"ts\":" + ts
          + ",\"online\":true}").getBytes(StandardCharsets.UTF_8), now);
      List<JsonNode> r = replies();
      assertEquals(109, r.get(0).get("code").asInt(), ts + ": " + r);
      assertEquals("timestamp_out_of_range", r.get(0).get("name").asText());
    }
    router.handle(("{\"v\":1,\"type\":\"stream.open\",\"seq\":2,\"ts\":" + (long) (now - 900)
        + ",\"stream\":\"1:1\",\"site\":\"lab\",\"url\":\"http://127.0.0.1/lab/sse/a\",\"kind\":\"sse\"}")
        .getBytes(StandardCharsets.UTF_8), now);
    router.handle(("{\"v\":1,\"type\":\"stream.end\",\"seq\":3,\"ts\":" + (long) (now - 10)
        + ",\"stream\":\"1:1\",\"outcome\":\"http_error\",\"httpStatus\":429}").getBytes(StandardCharsets.UTF_8), now);
    out.reset();
    scheduler.advanceTo(now + Pipeline.SETTLE_MS);
    JsonNode d = replies().get(0);
    assertEquals("diagnosis", d.get("type").asText(), d.toString());
    double breakTs = d.at("/break/ts").asDouble();
    assertTrue(breakTs > now - 1000 && breakTs <= now, "break at " + breakTs);
    assertEquals("b-" + (long) breakTs + "-1:1", d.at("/break/breakId").asText());
  }
}
