package io.streamdoctor.nativemsg;

import java.nio.charset.StandardCharsets;

/**
 * A reader for the one JSON shape the extension sends as events: one flat object whose values are
 * ASCII strings without escapes, numbers, true, false or null (RFC 8259 grammar). Everything else
 * (nesting, escapes, any byte >= 0x80, leading zeros, more than 18 integer digits, trailing bytes)
 * is {@link Decline}d, never guessed: the caller then hands the frame to Jackson on the reference
 * path. Why not Jackson here: a parser per frame (IOContext, text buffer, symbol table child,
 * contexts) was about half of the host's allocation at full ingest (JFR, docs/benchmarks.md).
 */
final class FlatJson {
  /** Thrown for any input this reader does not take; never escapes the fast path. */
  static final class Decline extends Exception {
    static final Decline INSTANCE = new Decline();

    private Decline() {
      super(null, null, false, false);
    }
  }

  enum Kind { STRING, INTEGER, FLOAT, TRUE, FALSE, NULL }

  private final byte[] b;
  private int i;
  private int nameStart;
  private int nameEnd;
  private int valueStart;
  private int valueEnd;
  private Kind kind;
  private boolean first = true;

  FlatJson(byte[] body) {
    this.b = body;
  }

  static void expect(boolean ok) throws Decline {
    if (!ok) {
      throw Decline.INSTANCE;
    }
  }

  void beginObject() throws Decline {
    skipWs();
    expect(i < b.length && b[i] == '{');
    i++;
  }

  /** Advances to the next member and reads its value; false at the closing brace. */
  boolean next() throws Decline {
    skipWs();
    expect(i < b.length);
    if (b[i] == '}') {
      i++;
      return false; // a trailing comma never gets here: after ',' a name must follow
    }
    if (!first) {
      expect(b[i] == ',');
      i++;
      skipWs();
    }
    first = false;
    expect(i < b.length && b[i] == '"');
    nameStart = i + 1;
    nameEnd = stringEnd(nameStart);
    i = nameEnd + 1;
    skipWs();
    expect(i < b.length && b[i] == ':');
    i++;
    skipWs();
    readValue();
    return true;
  }

  /** After the closing brace only whitespace may follow. */
  void end() throws Decline {
    skipWs();
    expect(i == b.length);
  }

  boolean nameIs(byte[] ascii) {
    int n = nameEnd - nameStart;
    if (n != ascii.length) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[nameStart + k] != ascii[k]) {
        return false;
      }
    }
    return true;
  }

  Kind kind() {
    return kind;
  }

  String string() throws Decline {
    expect(kind == Kind.STRING);
    // Only ASCII reaches here, so ISO-8859-1 is an exact, decoder-free copy.
    return new String(b, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
  }

  long integer() throws Decline {
    expect(kind == Kind.INTEGER);
    int k = valueStart;
    boolean negative = b[k] == '-';
    if (negative) {
      k++;
    }
    expect(valueEnd - k <= 18); // fits a long without overflow checks; longer ones: reference path
    long v = 0;
    for (; k < valueEnd; k++) {
      v = v * 10 + (b[k] - '0');
    }
    return negative ? -v : v;
  }

  /** Any number as Jackson's getDoubleValue gives it: an integer converted, a decimal parsed. */
  double number() throws Decline {
    if (kind == Kind.INTEGER) {
      return integer();
    }
    expect(kind == Kind.FLOAT);
    return Double.parseDouble(new String(b, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1));
  }

  private void readValue() throws Decline {
    expect(i < b.length);
    byte c = b[i];
    valueStart = i;
    if (c == '"') {
      valueStart = i + 1;
      valueEnd = stringEnd(valueStart);
      i = valueEnd + 1;
      kind = Kind.STRING;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      readNumber();
    } else if (literal("true")) {
      kind = Kind.TRUE;
    } else if (literal("false")) {
      kind = Kind.FALSE;
    } else if (literal("null")) {
      kind = Kind.NULL;
    } else {
      throw Decline.INSTANCE; // objects, arrays, anything else
    }
    expect(i == b.length || delimiter(b[i]));
  }

  private void readNumber() throws Decline {
    if (b[i] == '-') {
      i++;
    }
    int intStart = i;
    digits();
    expect(i > intStart && (b[intStart] != '0' || i == intStart + 1)); // no leading zeros
    kind = Kind.INTEGER;
    if (i < b.length && b[i] == '.') {
      i++;
      int fracStart = i;
      digits();
      expect(i > fracStart);
      kind = Kind.FLOAT;
    }
    if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < b.length && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int expStart = i;
      digits();
      expect(i > expStart);
      kind = Kind.FLOAT;
    }
    valueEnd = i;
  }

  private void digits() {
    while (i < b.length && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
  }

  private boolean literal(String word) {
    int n = word.length();
    if (i + n > b.length) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        return false;
      }
    }
    valueEnd = i + n;
    i += n;
    return true;
  }

  /** Index of the closing quote of a string starting at {@code from}: printable ASCII only, no escapes. */
  private int stringEnd(int from) throws Decline {
    for (int k = from; k < b.length; k++) {
      byte c = b[k];
      if (c == '"') {
        return k;
      }
      expect(c >= 0x20 && c != '\\'); // c < 0 is a byte >= 0x80
    }
    throw Decline.INSTANCE;
  }

  private static boolean delimiter(byte c) {
    return c == ',' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private void skipWs() {
    while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
  }
}
