package io.streamdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.history.BreakSummary.Mark;
import io.streamdoctor.report.SampleBreak;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BreakSummariesTest {
  @Test
  void from_sampleBreak_foldsStreamMilestonesAndNumbers() throws Exception {
    SampleBreak b = new SampleBreak();
    BreakSummary s = BreakSummaries.from(b.diagnosis, b.evidence, "net-1");
    assertEquals("https://chatgpt.com/backend-api/conversation", s.url());
    assertEquals(60_100.0, s.durationMs());
    assertEquals(240, s.frames());
    assertEquals(20_000.0, s.stallSilentMs());
    assertEquals("net-1", s.networkId());
    List<String> kinds = s.marks().stream().filter(m -> !m.kind().equals("progress")).map(Mark::kind).toList();
    assertEquals(List.of("open", "first_byte", "first_token", "stall", "end"), kinds);
    assertEquals(-60_100, s.marks().get(0).atMs());
    assertEquals(30, s.marks().stream().filter(m -> m.kind().equals("progress")).count());
  }

  @Test
  void from_sampleBreak_keepsOtherEvidenceWithCodesAndEnabledExtensionsOnly() throws Exception {
    SampleBreak b = new SampleBreak();
    BreakSummary s = BreakSummaries.from(b.diagnosis, b.evidence, null);
    assertTrue(s.around().stream().anyMatch(a -> a.type().equals("browser.request_error")
        && a.detail().startsWith("net::ERR_INCOMPLETE_CHUNKED_ENCODING") && a.atMs() == 2));
    assertTrue(s.around().stream().anyMatch(a -> a.detail().equals(
        "net::ERR_BLOCKED_BY_CLIENT on https://analytics.example/collect (ping)")));
    assertEquals(List.of("uBlock Origin"), s.extensions().stream().map(BreakSummary.Ext::name).toList());
    assertNotNull(s.extensionsHash());
  }

  @Test
  void thin_manyItems_keepsFirstAndLastAndMax() {
    List<Integer> in = java.util.stream.IntStream.range(0, 1000).boxed().toList();
    List<Integer> out = BreakSummaries.thin(in, 60);
    assertEquals(60, out.size());
    assertEquals(0, out.get(0));
    assertEquals(999, out.get(59));
  }
}
