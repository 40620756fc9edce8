package io.streamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.Json;
import io.streamdoctor.history.BreakSummaries;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryStore;
import io.streamdoctor.report.SampleBreak;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(30)
class HistoryCliTest {
  @TempDir Path dir;
  private Path db;
  private SampleBreak sample;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("history.db");
    // Recent, or the CLI's retention (180 days by the wall clock) would rightly drop it.
    sample = new SampleBreak(System.currentTimeMillis() - 120_000);
    try (HistoryStore s = HistoryStore.open(db, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      s.save(sample.diagnosis, BreakSummaries.from(sample.diagnosis, sample.evidence, null));
    }
  }

  private int run(String... args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void history_text_listsBreakWithCause() {
    assertEquals(0, run("history", "--db", db.toString()));
    assertTrue(out.toString().contains(sample.diagnosis.breakId()), out.toString());
    assertTrue(out.toString().contains(sample.diagnosis.topCause()), out.toString());
  }

  @Test
  void history_json_isParseableWithOneBreak() throws Exception {
    assertEquals(0, run("history", "--json", "--limit", "5", "--db", db.toString()));
    assertEquals(1, Json.MAPPER.readTree(out.toString()).get("breaks").size());
  }

  @Test
  void history_missingDatabase_saysNoBreaks() {
    assertEquals(0, run("history", "--db", dir.resolve("none.db").toString()));
    assertTrue(out.toString().contains("No breaks recorded yet."));
  }

  @Test
  void report_htmlToFile_writesSelfContainedPage() throws Exception {
    Path html = dir.resolve("r.html");
    assertEquals(0, run("report", "--id", sample.diagnosis.breakId(), "--format", "html",
        "--out", html.toString(), "--db", db.toString()));
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!doctype html>") && page.contains("<svg"));
  }

  @Test
  void report_unknownIdOrFormat_failsWithMessage() {
    assertEquals(1, run("report", "--id", "nope", "--db", db.toString()));
    assertTrue(err.toString().contains("no break 'nope'"), err.toString());
    assertEquals(2, run("report", "--format", "pdf", "--db", db.toString()));
  }
}
