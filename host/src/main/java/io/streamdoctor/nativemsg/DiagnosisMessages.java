package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Diagnosis;

/** The protocol's {@code diagnosis} message for a verdict (docs/protocol.md). */
public final class DiagnosisMessages {
  private DiagnosisMessages() {}

  public static ObjectNode message(Diagnosis d, String id) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("v", 1);
    n.put("type", "diagnosis");
    n.put("id", id);
    n.put("stage", d == null ? "none" : d.stage());
    n.set("break", d == null ? null : breakNode(d));
    return n;
  }

  public static ObjectNode breakNode(Diagnosis d) {
    ObjectNode b = Json.MAPPER.valueToTree(d);
    b.remove("stage");
    return b;
  }
}
