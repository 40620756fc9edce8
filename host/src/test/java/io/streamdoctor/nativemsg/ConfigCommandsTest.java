package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.record.SwitchRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandsTest {
  @TempDir Path dir;

  private static ObjectNode req(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  @Test
  void configSet_recordOnThenOff_writesARecordingAndStops() throws Exception {
    SwitchRecorder rec = new SwitchRecorder();
    List<Command> cmds = ConfigCommands.all(rec, dir, () -> 1_764_120_000_000.0);
    ObjectNode on = cmds.get(1).handle(req("{\"type\":\"config.set\",\"values\":{\"record\":true}}"));
    assertTrue(on.at("/values/record").asBoolean());
    Path file = Path.of(on.at("/values/recordingFile").asText());
    rec.message(1, MessageDecoder.event(req("{\"type\":\"stream.open\",\"stream\":\"1:1\"}")));
    ObjectNode off = cmds.get(1).handle(req("{\"type\":\"config.set\",\"values\":{\"record\":false}}"));
    assertFalse(off.at("/values/record").asBoolean());
    assertEquals(2, Files.readAllLines(file).size(), "header plus the one message");
    assertFalse(cmds.get(0).handle(req("{\"type\":\"config.get\"}")).at("/values/record").asBoolean());
  }

  @Test
  void configSet_unknownSetting_error107() {
    List<Command> cmds = ConfigCommands.all(new SwitchRecorder(), dir, () -> 1.0);
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> cmds.get(1).handle(req("{\"type\":\"config.set\",\"values\":{\"colour\":\"red\"}}")));
    assertEquals(ErrorCode.INVALID_FIELD, e.code());
  }

  @Test
  void configSet_recordNotBoolean_error107() {
    List<Command> cmds = ConfigCommands.all(new SwitchRecorder(), dir, () -> 1.0);
    assertThrows(ProtocolException.class,
        () -> cmds.get(1).handle(req("{\"type\":\"config.set\",\"values\":{\"record\":\"yes\"}}")));
  }
}
