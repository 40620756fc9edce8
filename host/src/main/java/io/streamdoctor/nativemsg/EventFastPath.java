package io.streamdoctor.nativemsg;

import io.streamdoctor.Version;
import io.streamdoctor.evidence.Evidence;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Events straight from bytes to evidence, skipping Jackson's tree (the tree and its binder were
 * two thirds of the host's ingest cost) and Jackson itself ({@link FlatJson}). It accepts only
 * the plain shape the extension sends: {@code "v"} and {@code "type"} first, flat fields of the
 * record's own types, a whole-number {@code seq}. Anything else, every error included, returns
 * null and the caller takes the reference path ({@link MessageDecoder}), so results, replies and
 * error codes stay exactly those of the reference path.
 */
final class EventFastPath {
  /** A bound event and its sequence number ({@code -1} when it had none). */
  record Bound(String type, Evidence evidence, long seq) {}

  private static final byte[] V = ascii("v");
  private static final byte[] TYPE = ascii("type");
  private static final byte[] ID = ascii("id");
  private static final byte[] SEQ = ascii("seq");
  private static final byte[] URL = ascii("url");
  /** Each record's component names as bytes, in the binder's order. */
  private static final ClassValue<byte[][]> NAMES = new ClassValue<>() {
    @Override
    protected byte[][] computeValue(Class<?> type) {
      String[] names = RecordBinder.plan(type).names();
      byte[][] out = new byte[names.length][];
      for (int k = 0; k < names.length; k++) {
        out[k] = ascii(names[k]);
      }
      return out;
    }
  };
  /** URLs through the host's own privacy check, as on the reference path; other strings as sent. */
  private static final StringCanon URLS = new StringCanon(256, Sanitizer::url);
  private static final StringCanon STRINGS = new StringCanon(1024, s -> s);

  private EventFastPath() {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The event, or null when the reference path must decide. */
  static Bound bind(byte[] body) {
    try {
      return bind(new FlatJson(body));
    } catch (FlatJson.Decline | RuntimeException e) {
      return null;
    }
  }

  private static Bound bind(FlatJson p) throws FlatJson.Decline {
    p.beginObject();
    FlatJson.expect(p.next());
    if (p.nameIs(V)) {
      long v = p.integer();
      FlatJson.expect(v >= 1 && v <= Version.PROTOCOL);
      FlatJson.expect(p.next());
    }
    FlatJson.expect(p.nameIs(TYPE));
    String typeName = STRINGS.get(p.string());
    Class<? extends Record> type = MessageDecoder.eventClass(typeName);
    FlatJson.expect(type != null);
    RecordBinder.Plan plan = RecordBinder.plan(type);
    byte[][] names = NAMES.get(type);
    Object[] args = plan.defaults();
    long seq = -1;
    while (p.next()) {
      // A repeated key (the reference path's last-wins rule decides) or an id to echo in replies.
      FlatJson.expect(!p.nameIs(TYPE) && !p.nameIs(V) && !p.nameIs(ID));
      if (p.nameIs(SEQ)) {
        seq = p.integer();
      }
      int i = index(p, names);
      if (i >= 0) {
        args[i] = value(p, plan.type(i), p.nameIs(URL));
      }
      // Unknown members are flat by construction (FlatJson declines nesting) and skipped.
    }
    p.end();
    Evidence ev;
    try {
      ev = (Evidence) plan.construct(args);
    } catch (ProtocolException e) {
      throw FlatJson.Decline.INSTANCE;
    }
    FlatJson.expect(ev.missingField() == null);
    return new Bound(typeName, SessionCookies.canonical(ev), seq);
  }

  private static int index(FlatJson p, byte[][] names) {
    for (int k = 0; k < names.length; k++) {
      if (p.nameIs(names[k])) {
        return k;
      }
    }
    return -1;
  }

  /** The same strict types as {@link RecordBinder}; only the unambiguous cases are taken here. */
  private static Object value(FlatJson p, Type type, boolean url) throws FlatJson.Decline {
    FlatJson.Kind k = p.kind();
    if (k == FlatJson.Kind.NULL) {
      return RecordBinder.absent(type);
    }
    if (type == String.class) {
      String s = url ? URLS.get(p.string()) : STRINGS.get(p.string());
      FlatJson.expect(s.length() <= (url ? FieldCaps.MAX_URL : FieldCaps.MAX_STRING));
      return s;
    }
    if (type == double.class || type == Double.class) {
      return p.number();
    }
    if (type == long.class || type == Long.class) {
      return p.integer();
    }
    if (type == int.class || type == Integer.class) {
      long n = p.integer();
      FlatJson.expect(FieldCaps.fitsInt(n)); // out of range: the reference path reports it
      return (int) n;
    }
    if (type == boolean.class || type == Boolean.class) {
      FlatJson.expect(k == FlatJson.Kind.TRUE || k == FlatJson.Kind.FALSE);
      return k == FlatJson.Kind.TRUE;
    }
    throw FlatJson.Decline.INSTANCE; // lists and nested records: the reference path binds them
  }
}
