package io.streamdoctor.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property-based fuzzing of the native-messaging input against the real router and codec
 * ({@link FuzzHost}): raw bytes, well-framed random bodies, and messages generated from the
 * protocol's own examples (docs/protocol.md) with fields dropped, retyped or added. Properties:
 * nothing escapes the router, no input takes longer than {@link FuzzHost#HANG_MS}, and everything
 * written to stdout is a sequence of frames holding JSON objects. Tries per property come from
 * {@code jqwik.tries.default}: 10,000 in the normal build (junit-platform.properties), a million
 * in bench/fuzz.sh.
 */
class NativeInputFuzzTest {
  private static final List<ObjectNode> SEEDS = ProtocolSeeds.load();

  @AfterContainer
  static void report() {
    FuzzHost.writeStats();
  }

  @Property
  boolean rawBytes_neverCrashHangOrPolluteStdout(@ForAll("raw") byte[] input) {
    return FuzzHost.feed(input);
  }

  @Property
  boolean framedRandomBodies_neverCrashHangOrPolluteStdout(@ForAll("framedBodies") byte[] input) {
    return FuzzHost.feed(input);
  }

  @Property
  boolean mutatedProtocolMessages_neverCrashHangOrPolluteStdout(@ForAll("mutated") String json) {
    return FuzzHost.feed(FuzzHost.frame(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<byte[]> raw() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
  }

  @Provide
  Arbitrary<byte[]> framedBodies() {
    Arbitrary<byte[]> body = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200),
        Arbitraries.strings().ofMaxLength(200).map(s -> ("{\"type\":" + s + "}").getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    return body.list().ofMaxSize(4).map(bodies -> {
      byte[][] frames = bodies.stream().map(FuzzHost::frame).toArray(byte[][]::new);
      return FuzzHost.concat(frames);
    });
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<ObjectNode> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> op = Arbitraries.integers().between(0, 5);
    Arbitrary<JsonNode> value = JsonValues.any();
    Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(ProtocolSeeds.fieldNames()),
        Arbitraries.strings().ofMaxLength(12));
    return Combinators.combine(seed, op, key, value, Arbitraries.of(ProtocolSeeds.typeNames()))
        .as((s, o, k, v, t) -> Mutations.apply(s, o, k, v, t).toString());
  }

  static {
    Json.MAPPER.getFactory(); // load Jackson before the first try: class loading is not a hang
  }
}
