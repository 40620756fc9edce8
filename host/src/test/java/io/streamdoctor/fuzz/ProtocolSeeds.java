package io.streamdoctor.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.nativemsg.MessageDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON examples of docs/protocol.md: every message shape the protocol documents. */
final class ProtocolSeeds {
  private static final Pattern BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  private ProtocolSeeds() {}

  static List<ObjectNode> load() {
    String md;
    try {
      md = Files.readString(Path.of("..", "docs", "protocol.md"));
    } catch (IOException e) {
      throw new UncheckedIOException("docs/protocol.md is the seed corpus", e);
    }
    List<ObjectNode> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(md);
    while (m.find()) {
      // A block may hold one object or several, one per line or spread over lines.
      try (var parser = Json.MAPPER.getFactory().createParser(m.group(1))) {
        for (var it = Json.MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
          JsonNode n = it.next();
          if (n instanceof ObjectNode o && o.has("type")) {
            out.add(o);
          }
        }
      } catch (IOException | RuntimeException e) {
        // Blocks that are not messages (e.g. targets.json fragments with comments) are skipped.
      }
    }
    if (out.size() < 10) {
      throw new IllegalStateException("only " + out.size() + " message examples found in docs/protocol.md");
    }
    return out;
  }

  static Set<String> typeNames() {
    Set<String> s = new TreeSet<>(MessageDecoder.EVENT_TYPES);
    for (ObjectNode o : load()) {
      s.add(o.get("type").asText());
    }
    s.add("os.tcp_retransmits");
    return s;
  }

  static Set<String> fieldNames() {
    Set<String> s = new TreeSet<>();
    for (ObjectNode o : load()) {
      o.fieldNames().forEachRemaining(s::add);
    }
    return s;
  }
}
