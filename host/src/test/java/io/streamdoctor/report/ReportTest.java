package io.streamdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.history.BreakSummaries;
import io.streamdoctor.history.BreakSummary;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryRecord;
import io.streamdoctor.history.HistoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReportTest {
  @TempDir Path dir;
  private SampleBreak sample;
  private Report report;
  private Path db;

  @BeforeEach
  void storeSample() throws Exception {
    sample = new SampleBreak();
    BreakSummary s = BreakSummaries.from(sample.diagnosis, sample.evidence, "a1b2c3d4e5f6");
    db = dir.resolve("history.db");
    long now = SampleBreak.T + 120_000;
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, () -> now)) {
      store.save(sample.diagnosis, s);
      HistoryRecord r = store.byId(sample.diagnosis.breakId()).orElseThrow();
      report = new Report(r, store.patternsFor(r, ZoneId.of("UTC")), now);
    }
  }

  @Test
  void anyFormat_plantedCanaries_neverAppear() throws Exception {
    for (Report.Format f : Report.Format.values()) {
      String out = report.render(f);
      assertFalse(out.contains(SampleBreak.CANARY), f + " leaked a canary:\n" + out);
    }
    byte[] file = Files.readAllBytes(db);
    assertFalse(new String(file, StandardCharsets.ISO_8859_1).contains(SampleBreak.CANARY),
        "history.db holds a canary");
  }

  @Test
  void markdown_break_showsVerdictEvidenceRemediesAndTimeline() {
    String md = report.render(Report.Format.MD);
    String top = sample.diagnosis.topCause();
    assertTrue(md.contains("## Verdict"), md);
    assertTrue(md.contains("`" + top + "`"), md);
    assertTrue(md.contains(Text.md(Labels.cause(top))), md);
    // Rule texts are escaped for Markdown: they render as written.
    assertTrue(md.contains(Text.md(sample.diagnosis.findings().get(0).evidence().get(0).text())), md);
    assertTrue(md.contains("What to do:"), md);
    assertTrue(md.contains("| first token |"), md);
    assertTrue(md.contains(Text.md("net::ERR_INCOMPLETE_CHUNKED_ENCODING")), md);
    assertTrue(md.contains("`https://chatgpt.com/backend-api/conversation`"), md);
  }

  @Test
  void json_break_isTheStoredDiagnosisAndSummary() throws Exception {
    JsonNode n = Json.MAPPER.readTree(report.render(Report.Format.JSON));
    assertEquals(1, n.get("report").asInt());
    assertEquals(sample.diagnosis.breakId(), n.at("/break/breakId").asText());
    assertEquals(sample.diagnosis.topCause(), n.at("/break/findings/0/cause").asText());
    assertEquals(240, n.at("/summary/frames").asLong());
    assertEquals("a1b2c3d4e5f6", n.at("/summary/networkId").asText());
    assertEquals("uBlock Origin", n.at("/summary/extensions/0/name").asText());
    assertEquals(1, n.at("/summary/extensions").size(), "disabled extensions are not listed");
  }

  @Test
  void html_break_headlineIsWhatThePageShowedNoIdsUpTop() {
    String html = report.render(Report.Format.HTML);
    // the sample's page showed its "Error in message stream" banner
    assertTrue(html.contains("<h1>ChatGPT showed \u201cError in message stream\u201d</h1>"), html);
    assertFalse(html.contains("diagnosis stage"), html);
    String top = html.substring(0, html.indexOf("<footer>"));
    assertFalse(top.contains(sample.diagnosis.breakId()), "break id above the footer");
    for (var f : sample.diagnosis.findings()) {
      assertFalse(top.contains(">" + f.cause() + "<"), "cause id " + f.cause() + " shown");
    }
    assertTrue(html.contains("Reference: <code>" + sample.diagnosis.breakId()), "the id stays for support");
  }

  @Test
  void htmlHeadline_stallWithoutBanner_saysTheAnswerStoppedNotErrorInStream() {
    BreakSummary s = report.record().summary();
    BreakSummary noBanner = new BreakSummary(s.breakId(), s.stream(), s.site(), s.url(), s.kind(), s.outcome(),
        s.closeCode(), s.wasClean(), s.errorName(), s.httpStatus(), s.errorTypes(), s.payloadBytes(), s.frames(),
        s.bytes(), s.durationMs(), s.ttfbMs(), s.ttftMs(), s.gapP95Ms(), s.gapMaxMs(), s.stallSilentMs(),
        s.networkId(), s.extensionsHash(), s.extensions(), s.marks(),
        s.around().stream().filter(a -> !a.type().equals("page.banner")).toList());
    assertTrue(HtmlHeadline.bannerSeen(s));
    assertEquals("The answer stopped arriving on ChatGPT", HtmlHeadline.of(sample.diagnosis, noBanner));
    assertEquals("network checked after the break", HtmlHeadline.stage("probed"));
  }

  @Test
  void svgTimeline_crowdedMilestones_labelsNeverOverlap() {
    BreakSummary s = report.record().summary();
    List<BreakSummary.Mark> crowded = new java.util.ArrayList<>();
    String[] kinds = {"open", "first_byte", "first_token", "stall", "error", "end", "first_token", "stall"};
    for (int i = 0; i < kinds.length; i++) {
      crowded.add(new BreakSummary.Mark(kinds[i], -60_000 + i * 40L, null, null, null));
    }
    crowded.add(new BreakSummary.Mark("end", 0, null, null, null));
    BreakSummary c = new BreakSummary(s.breakId(), s.stream(), s.site(), s.url(), s.kind(), s.outcome(),
        s.closeCode(), s.wasClean(), s.errorName(), s.httpStatus(), s.errorTypes(), s.payloadBytes(), s.frames(),
        s.bytes(), s.durationMs(), s.ttfbMs(), s.ttftMs(), s.gapP95Ms(), s.gapMaxMs(), s.stallSilentMs(),
        s.networkId(), s.extensionsHash(), s.extensions(), crowded, s.around());
    SvgTimeline t = SvgTimeline.forSummary(c);
    int[] rows = t.labelRows(crowded);
    for (int i = 0; i < crowded.size(); i++) {
      for (int j = i + 1; j < crowded.size(); j++) {
        if (rows[i] != rows[j]) {
          continue;
        }
        double gap = Math.abs(t.x(crowded.get(i).atMs()) - t.x(crowded.get(j).atMs()));
        double need = SvgTimeline.halfWidth(crowded.get(i).kind()) + SvgTimeline.halfWidth(crowded.get(j).kind());
        assertTrue(gap >= need, "labels " + i + " and " + j + " overlap in row " + rows[i]);
      }
    }
    String svg = SvgTimeline.render(c);
    assertTrue(svg.contains("viewBox=\"0 0 900 "), svg);
  }

  @Test
  void html_break_isSelfContainedWithTimelineAndVerdict() throws Exception {
    String html = report.render(Report.Format.HTML);
    assertTrue(html.contains("<svg"), "no timeline picture");
    assertTrue(html.contains(Text.html(Labels.cause(sample.diagnosis.topCause()))));
    assertTrue(html.contains("first token"));
    assertTrue(html.contains("default-src 'none'"));
    for (String external : List.of("<script", "src=", "href=", "@import", "url(http")) {
      assertFalse(html.contains(external), "external or active content: " + external);
    }
    String out = System.getProperty("streamdoctor.reportOut");
    if (out != null) {
      Files.writeString(Path.of(out), html);
    }
  }
}
