package io.streamdoctor.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Arbitrary JSON values, weighted toward the edges of the protocol's field types. */
final class JsonValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonValues() {}

  static Arbitrary<JsonNode> any() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMaxLength(40).map(F::textNode)),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().map(F::numberNode)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().map(F::numberNode)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, -1e308, 0.5)
            .map(F::numberNode)),
        net.jqwik.api.Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(F::numberNode)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode(),
            F.objectNode(), F.arrayNode(), F.objectNode().put("a", 1), F.arrayNode().add("x").add(1))),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(1000).ofMaxLength(5000).map(F::textNode)));
  }
}
