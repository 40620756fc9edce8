package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.config.LoopbackPolicy;
import io.streamdoctor.record.SwitchRecorder;
import io.streamdoctor.timeline.HostClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code config.get} / {@code config.set}. The one setting the host owns today is recording a
 * session for a bug report ({@code record}); it lands in {@code <data>/recordings/}, metadata only.
 */
public final class ConfigCommands {
  private ConfigCommands() {}

  public static List<Command> all(SwitchRecorder recorder, Path recordings, HostClock clock) {
    return List.of(
        Command.of("config.get", req -> values(recorder)),
        Command.of("config.set", req -> {
          JsonNode v = req.get("values");
          if (v == null || !v.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "config.set needs an object 'values'");
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("record")) {
              throw new ProtocolException(ErrorCode.INVALID_FIELD, "unknown setting '" + e.getKey() + "'");
            }
            if (!e.getValue().isBoolean()) {
              throw new ProtocolException(ErrorCode.INVALID_FIELD, "'record' must be true or false");
            }
            setRecording(recorder, e.getValue().booleanValue(), recordings, clock);
          }
          return values(recorder);
        }));
  }

  private static void setRecording(SwitchRecorder recorder, boolean on, Path dir, HostClock clock)
      throws ProtocolException {
    if (!on) {
      recorder.stop();
      return;
    }
    if (recorder.file() != null) {
      return;
    }
    String name = "session-" + Instant.ofEpochMilli((long) clock.nowMs()).toString().replace(':', '-') + ".jsonl";
    try {
      io.streamdoctor.platform.PrivateDirs.own(dir);
      recorder.start(dir.resolve(name), clock.nowMs());
    } catch (IOException e) {
      throw new ProtocolException(ErrorCode.INTERNAL_ERROR, "cannot record to " + dir + ": " + e.getMessage());
    }
  }

  private static ObjectNode values(SwitchRecorder recorder) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("type", "config");
    ObjectNode v = n.putObject("values");
    v.put("record", recorder.file() != null);
    v.put("recordingFile", recorder.file() == null ? null : recorder.file().toString());
    v.put("loopbackOnly", LoopbackPolicy.enforced());
    return n;
  }
}
