package io.streamdoctor.nativemsg;

import io.streamdoctor.evidence.Evidence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast path's own JSON reader against Jackson on the reference path, over event-shaped JSON
 * with the values and spellings that differ between parsers: escapes, non-ASCII, leading zeros,
 * exponents, -0, 18/19/20-digit integers, nesting, duplicate keys, odd whitespace, trailing bytes.
 * Property: the fast path declines, or binds exactly what the reference path binds.
 */
class EventFastPathProperties {
  private static final List<String> TYPES = MessageDecoder.EVENT_TYPES.stream().sorted().toList();
  private static final List<String> NAMES = List.of("ts", "stream", "site", "url", "kind", "tabId", "payloadBytes",
      "frames", "bytes", "gapMeanMs", "gapP95Ms", "gapMaxMs", "outcome", "terminalSeen", "durationMs", "status",
      "error", "seq", "id", "v", "type", "lastFrameAgoMs", "resourceType", "x");

  @Property(tries = 20_000)
  boolean bind_anyEventShapedJson_declinesOrEqualsReference(@ForAll("events") String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    EventFastPath.Bound fast = EventFastPath.bind(body);
    Statistics.collect(fast == null ? "declined" : "bound");
    // Not vacuous: ~9 % of these inputs take the fast path (checked after the tries).
    Statistics.coverage(c -> c.check("bound").percentage(p -> p > 5));
    if (fast == null) {
      return true;
    }
    Evidence reference;
    try {
      reference = MessageDecoder.event(MessageDecoder.parse(body));
    } catch (ProtocolException e) {
      throw new AssertionError("fast path bound what the reference path refuses (" + e.getMessage() + "): " + json);
    }
    if (!Objects.equals(reference, fast.evidence())) {
      throw new AssertionError("fast " + fast.evidence() + " != reference " + reference + " for " + json);
    }
    return true;
  }

  @Provide
  Arbitrary<String> events() {
    Arbitrary<String> ws = Arbitraries.of("", "", "", " ", "\n", "\t ", "\r\n");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12).map(EventFastPathProperties::quote),
        Arbitraries.of("\"a\\\"b\"", "\"\\u0041\"", "\"é\"", "\"\u2028\"", "\"tab\there\"", "\"https://x.test/p?q=1#f\"",
            "\"https://u:p@h.test/\"", "\"1:2\""),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("0", "-0", "01", "-01", "1.5", "1.0", "-0.0", "1e3", "1E+3", "2.5e-3", "1.", ".5", "-",
            "123456789012345678", "1234567890123456789", "-9223372036854775808", "99999999999999999999",
            "1764120000000.5", "4.9e-324", "1e400", "NaN", "Infinity", "0x10", "+1"),
        Arbitraries.of("true", "false", "null", "tru", "nul", "{}", "[]", "{\"a\":[1,2]}", "[1]"),
        Arbitraries.doubles().map(String::valueOf));
    Arbitrary<String> member = Combinators.combine(Arbitraries.of(NAMES), value, ws, ws)
        .as((n, v, w1, w2) -> quote(n) + w1 + ":" + w2 + v);
    Arbitrary<String> head = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of("", "\"v\":1,", "\"v\":2,",
        "\"v\":1.0,", "\"v\":-3,")).as((t, v) -> v + "\"type\":" + quote(t));
    Arbitrary<String> tail = Arbitraries.of("", "", "", " ", "\n", "x", ",", "}", " {}");
    return Combinators.combine(head, member.list().ofMaxSize(10), ws, tail, Arbitraries.integers().between(0, 9))
        .as((h, members, w, t, shuffle) -> {
          List<String> all = new ArrayList<>(members);
          // Mostly the extension's order (v, type first); sometimes type later.
          if (shuffle == 0 && !all.isEmpty()) {
            all.add(1 % (all.size() + 1), h);
          } else {
            all.add(0, h);
          }
          return "{" + w + String.join("," + w, all) + w + "}" + t;
        });
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
