package io.streamdoctor.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One mutation of a protocol message: the ways real senders get messages wrong. */
final class Mutations {
  private Mutations() {}

  static ObjectNode apply(ObjectNode seed, int op, String key, JsonNode value, String typeName) {
    ObjectNode m = seed.deepCopy();
    List<String> names = new ArrayList<>();
    m.fieldNames().forEachRemaining(names::add);
    String existing = names.isEmpty() ? key : names.get(Math.floorMod(key.hashCode(), names.size()));
    switch (op) {
      case 0 -> m.set(existing, value); // a field retyped (string for number, object for string...)
      case 1 -> m.remove(existing); // a required field missing
      case 2 -> m.set(key, value); // an extra or replaced field
      case 3 -> m.put("type", typeName); // the body of one message under another's type
      case 4 -> m.putNull(existing);
      default -> { } // the example as documented: must be accepted or answered, never crash
    }
    return m;
  }
}
