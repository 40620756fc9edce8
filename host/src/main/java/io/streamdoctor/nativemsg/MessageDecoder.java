package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.Version;
import io.streamdoctor.evidence.Evidence;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Bytes to a checked JSON object, and event objects to evidence records. */
public final class MessageDecoder {
  /** Event type names, taken from the evidence hierarchy so the two cannot disagree. */
  private static final Map<String, Class<? extends Record>> EVENT_CLASSES = eventClasses();

  public static final Set<String> EVENT_TYPES = EVENT_CLASSES.keySet();

  private MessageDecoder() {}

  public static ObjectNode parse(byte[] body) throws ProtocolException {
    Frames.requireUtf8(body);
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ProtocolException(ErrorCode.INVALID_JSON, "frame body is not JSON: " + firstLine(e));
    }
    if (node == null || !node.isObject()) {
      throw new ProtocolException(ErrorCode.NOT_AN_OBJECT, "a message must be a JSON object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new ProtocolException(ErrorCode.NOT_AN_OBJECT, "a message needs a string field 'type'");
    }
    checkVersion(node.get("v"));
    return (ObjectNode) node;
  }

  /**
   * {@code v}, when present, is a whole number from 1 to the version this host speaks. Read as an
   * exact value: {@code asInt()} wrapped 4294967297 to 1 and truncated 1.5 to 1, so any number was
   * "version 1" after a cast.
   */
  static void checkVersion(JsonNode v) throws ProtocolException {
    if (v == null) {
      return;
    }
    boolean whole = v.isIntegralNumber()
        || (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()));
    if (!whole || !v.canConvertToLong() || v.longValue() < 1) {
      throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
          "protocol version " + v + " is not a whole number from 1 to " + Version.PROTOCOL);
    }
    if (v.longValue() > Version.PROTOCOL) {
      throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
          "protocol version " + v + " is newer than " + Version.PROTOCOL);
    }
  }

  /** The record class of an event type the extension may send, or null. */
  static Class<? extends Record> eventClass(String type) {
    return EVENT_CLASSES.get(type);
  }

  public static Evidence event(ObjectNode msg) throws ProtocolException {
    Class<? extends Record> type = EVENT_CLASSES.get(msg.get("type").asText());
    if (type == null) {
      throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown event type " + msg.get("type"));
    }
    JsonNode url = msg.get("url");
    if (url != null && url.isTextual()) {
      msg.put("url", Sanitizer.url(url.textValue()));
    }
    Evidence ev = (Evidence) RecordBinder.bind(msg, type);
    String missing = ev.missingField();
    if (missing != null) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD,
          msg.get("type").asText() + " needs field '" + missing + "'");
    }
    return SessionCookies.canonical(ev);
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 200) : m;
  }

  private static Map<String, Class<? extends Record>> eventClasses() {
    Map<String, Class<? extends Record>> m = new HashMap<>();
    for (JsonSubTypes.Type t : Evidence.class.getAnnotation(JsonSubTypes.class).value()) {
      // The host gathers os.* and probe.* evidence itself; the extension may not claim them.
      if (!t.name().startsWith("os.") && !t.name().startsWith("probe.") && !t.name().startsWith("history.")) {
        m.put(t.name(), t.value().asSubclass(Record.class));
      }
    }
    return Map.copyOf(m);
  }
}
