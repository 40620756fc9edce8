package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.timeline.Pipeline;
import java.util.ArrayList;
import java.util.List;

/** The commands the host core answers itself. */
public final class CoreCommands {
  private CoreCommands() {}

  public static List<Command> all(Pipeline pipeline) {
    List<Command> list = new ArrayList<>();
    list.add(Command.of("ping", req -> Json.MAPPER.createObjectNode().put("type", "pong")));
    list.add(Command.of("client.hello", req -> {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("accepted", true);
      return n;
    }));
    list.add(Command.of("diagnose", req -> {
      String stream = req.hasNonNull("stream") ? req.get("stream").asText() : null;
      Diagnosis d = pipeline.latest(stream);
      ObjectNode n = DiagnosisMessages.message(d, null);
      n.remove("v");
      n.remove("id");
      return n;
    }));
    return list;
  }

  /** Commands a build does not perform yet answer a clear error instead of silence. */
  public static Command notImplemented(String type) {
    return Command.of(type, req -> {
      throw new ProtocolException(ErrorCode.NOT_IMPLEMENTED, "'" + type + "' is not available in this build");
    });
  }
}
