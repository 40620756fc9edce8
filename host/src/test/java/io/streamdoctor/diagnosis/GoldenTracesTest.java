package io.streamdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.streamdoctor.Json;
import io.streamdoctor.nativemsg.DiagnosisMessages;
import io.streamdoctor.record.Replayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Recorded traces (generated from src/test/resources/traces/gen_traces.py) replayed through the
 * real pipeline. Each trace states its expected top cause and symptom; the whole ranked verdict
 * is compared with its golden file. Refresh goldens with -Dgolden.update=true and review the diff.
 */
class GoldenTracesTest {
  static final Path TRACES = Path.of("src/test/resources/traces");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> replay_everyTrace_matchesExpectationAndGolden() throws IOException {
    List<Path> traces;
    try (Stream<Path> s = Files.walk(TRACES)) {
      traces = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    assertTrue(traces.size() >= 50, "the trace set is complete: " + traces.size());
    return traces.stream().map(t -> DynamicTest.dynamicTest(TRACES.relativize(t).toString(), () -> check(t)));
  }

  private static void check(Path trace) throws Exception {
    JsonNode expect = Json.MAPPER.readTree(Files.readAllLines(trace, StandardCharsets.UTF_8).get(0)).get("expect");
    List<Diagnosis> verdicts = new Replayer(Engine.standard()).replay(trace);
    if (expect.get("top").isNull()) {
      assertTrue(verdicts.isEmpty(), "no break expected, got " + verdicts);
    } else {
      assertFalse(verdicts.isEmpty(), "a break was expected");
      Diagnosis d = verdicts.get(verdicts.size() - 1);
      assertEquals(expect.get("top").asText(), d.topCause(), "top cause; findings: " + d.findings());
      assertEquals(expect.get("symptom").asText(), d.symptom(), "symptom");
    }
    ArrayNode actual = Json.MAPPER.createArrayNode();
    verdicts.forEach(d -> actual.add(DiagnosisMessages.breakNode(d)));
    Path golden = Path.of(trace.toString().replace(".jsonl", ".golden.json"));
    String rendered = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n";
    if (UPDATE) {
      Files.writeString(golden, rendered, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("no golden file " + golden + ": run with -Dgolden.update=true and review it");
    }
    assertEquals(Json.MAPPER.readTree(golden.toFile()), Json.MAPPER.readTree(rendered), "golden " + golden);
  }
}
