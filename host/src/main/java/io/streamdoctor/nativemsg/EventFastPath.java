package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamdoctor.Json;
import io.streamdoctor.Version;
import io.streamdoctor.evidence.Evidence;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Events straight from bytes to evidence with Jackson's streaming parser, skipping the JSON tree
 * (the tree and its binder were two thirds of the host's ingest cost). It accepts only the plain
 * shape the extension sends: {@code "v"} and {@code "type"} first, flat fields of the record's own
 * types, a whole-number {@code seq}. Anything else, every error included, returns null and the
 * caller takes the reference path ({@link MessageDecoder}), so replies and error codes stay
 * exactly those of the reference path.
 */
final class EventFastPath {
  /** A bound event and its sequence number ({@code -1} when it had none). */
  record Bound(String type, Evidence evidence, long seq) {}

  /** Thrown inside the fast path for any input it does not handle; never escapes it. */
  private static final class Decline extends Exception {
    private static final Decline INSTANCE = new Decline();

    private Decline() {
      super(null, null, false, false);
    }
  }

  /** URLs through the host's own privacy check, as on the reference path; other strings as sent. */
  private static final StringCanon URLS = new StringCanon(256, Sanitizer::url);
  private static final StringCanon STRINGS = new StringCanon(1024, s -> s);

  private EventFastPath() {}

  /** The event, or null when the reference path must decide. */
  static Bound bind(byte[] body) {
    try {
      Frames.requireUtf8(body);
    } catch (ProtocolException e) {
      return null;
    }
    try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
      return bind(p);
    } catch (Decline | IOException | RuntimeException e) {
      return null;
    }
  }

  private static Bound bind(JsonParser p) throws IOException, Decline {
    expect(p.nextToken() == JsonToken.START_OBJECT);
    String name = p.nextFieldName();
    if ("v".equals(name)) {
      expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
          && p.getIntValue() <= Version.PROTOCOL);
      name = p.nextFieldName();
    }
    expect("type".equals(name) && p.nextToken() == JsonToken.VALUE_STRING);
    String typeName = p.getText();
    Class<? extends Record> type = MessageDecoder.eventClass(typeName);
    expect(type != null);
    RecordBinder.Plan plan = RecordBinder.plan(type);
    Object[] args = plan.defaults();
    long seq = -1;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (name.equals("type") || name.equals("v") || name.equals("id")) {
        // A repeated key (the reference path's last-wins rule decides) or an id to echo in replies.
        throw Decline.INSTANCE;
      } else if (name.equals("seq")) {
        expect(t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER);
        seq = p.getLongValue();
      }
      int i = plan.index(name);
      if (i < 0) {
        p.skipChildren();
      } else {
        args[i] = value(p, t, plan.type(i), name);
      }
    }
    expect(p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null);
    Evidence ev;
    try {
      ev = (Evidence) plan.construct(args);
    } catch (ProtocolException e) {
      throw Decline.INSTANCE;
    }
    expect(ev.missingField() == null);
    return new Bound(typeName, ev, seq);
  }

  /** The same strict types as {@link RecordBinder}; only the unambiguous cases are taken here. */
  private static Object value(JsonParser p, JsonToken t, Type type, String name) throws IOException, Decline {
    if (t == JsonToken.VALUE_NULL) {
      return RecordBinder.absent(type);
    }
    if (type == String.class) {
      expect(t == JsonToken.VALUE_STRING);
      return name.equals("url") ? URLS.get(p.getText()) : STRINGS.get(p.getText());
    }
    if (type == double.class || type == Double.class) {
      expect(t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT);
      expect(p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
          && p.getNumberType() != JsonParser.NumberType.BIG_DECIMAL);
      return p.getDoubleValue();
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      expect(t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER);
      long v = p.getLongValue();
      // Long.intValue() as the reference path does: same (wrapping) narrowing.
      return type == long.class || type == Long.class ? (Object) v : (Object) (int) v;
    }
    if (type == boolean.class || type == Boolean.class) {
      expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE);
      return t == JsonToken.VALUE_TRUE;
    }
    throw Decline.INSTANCE; // lists and nested records: the reference path binds them
  }

  private static void expect(boolean ok) throws Decline {
    if (!ok) {
      throw Decline.INSTANCE;
    }
  }
}
