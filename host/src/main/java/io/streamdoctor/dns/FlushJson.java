package io.streamdoctor.dns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;

/** The {@code flush.result} shape (docs/protocol.md), shared by the host reply and {@code flush-dns --json}. */
public final class FlushJson {
  private FlushJson() {}

  public static ObjectNode of(FlushResult r) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("os", r.os());
    n.put("dryRun", r.dryRun());
    n.put("ok", r.allOk());
    ArrayNode steps = n.putArray("steps");
    for (FlushStep s : r.steps()) {
      ObjectNode o = steps.addObject();
      o.put("cache", s.cache());
      ArrayNode cmd = o.putArray("command");
      s.command().forEach(cmd::add);
      o.put("status", s.status());
      o.put("reason", s.reason());
    }
    ArrayNode absent = n.putArray("notPresent");
    r.notPresent().forEach(absent::add);
    n.put("browserNote", FlushResult.BROWSER_NOTE);
    return n;
  }
}
