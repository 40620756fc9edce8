package io.streamdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;

/** The machine-readable report: the stored diagnosis and summary, plus patterns. */
final class JsonReport {
  private JsonReport() {}

  static ObjectNode tree(Report r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("report", 1);
    root.put("generator", Report.generator());
    root.put("generatedAt", r.generatedAt());
    root.put("stage", r.record().stage());
    root.set("break", Json.MAPPER.valueToTree(r.record().diagnosis()));
    root.set("summary", Json.MAPPER.valueToTree(r.record().summary()));
    root.set("patterns", Json.MAPPER.valueToTree(r.patterns()));
    root.put("privacy", Report.PRIVACY_NOTE);
    return root;
  }

  static String render(Report r) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report not serialisable", e);
    }
  }
}
