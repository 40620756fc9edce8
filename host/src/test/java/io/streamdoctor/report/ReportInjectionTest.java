package io.streamdoctor.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.BreakTrigger;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.diagnosis.TriggerKind;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.history.BreakSummaries;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryRecord;
import io.streamdoctor.history.HistoryStore;
import io.streamdoctor.nativemsg.MessageDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text a page or another extension chooses, through history into every report format. The page
 * sets a session-like cookie (its name reached the verdict text, history.db and the Markdown
 * report, which escaped only pipes and newlines); another extension names itself with Markdown
 * and HTML. Neither may become a link, image, raw HTML or formatting in a support ticket, and the
 * page's cookie name may not appear at all.
 */
class ReportInjectionTest {
  static final long T = 1_796_000_000_000L;
  /** A cookie name a page script can set on the chat site; "session" makes the extension report it. */
  static final String COOKIE = "session_[call support](https://evil.example/a)<img src=x onerror=alert(1)>";
  /** Extension names are cut at 60 characters, so each payload is short. */
  static final String EXTENSION = "<script>x</script>![i](//e.io/p)[l](//e.io)**b**`t`&lt;";
  static final String EXTENSION2 = "see https://evil.example and www.evil.example";
  @TempDir Path dir;

  private final List<Evidence> evidence = new ArrayList<>();

  private void add(String json, long ts) throws Exception {
    ObjectNode msg = (ObjectNode) Json.MAPPER.readTree(String.format(json, ts));
    evidence.add(MessageDecoder.event(msg));
  }

  private static String q(String s) throws Exception {
    return Json.MAPPER.writeValueAsString(s).replace("%", "%%");
  }

  @Test
  void everyFormat_pageAndExtensionText_isHashedOrInert() throws Exception {
    add("{\"type\":\"browser.extensions\",\"ts\":%d,\"extensions\":[{\"id\":\"cjpalhdlnbpafiamejdnhcphjbkeiagm\","
        + "\"name\":" + q(EXTENSION) + ",\"enabled\":true,\"canBlock\":true,\"chatHostAccess\":true},"
        + "{\"id\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"name\":" + q(EXTENSION2) + ",\"enabled\":true}]}", T - 60_000);
    add("{\"type\":\"stream.open\",\"ts\":%d,\"stream\":\"3:1\",\"site\":\"chatgpt\",\"url\":"
        + "\"https://chatgpt.com/backend-api/conversation\",\"kind\":\"sse\",\"tabId\":3}", T);
    add("{\"type\":\"stream.first_byte\",\"ts\":%d,\"stream\":\"3:1\",\"ttfbMs\":300,\"httpStatus\":200}", T + 300);
    add("{\"type\":\"browser.cookie_changed\",\"ts\":%d,\"site\":\"chatgpt\",\"name\":" + q(COOKIE)
        + ",\"removed\":true,\"cause\":\"explicit\"}", T + 2_000);
    add("{\"type\":\"stream.end\",\"ts\":%d,\"stream\":\"3:1\",\"outcome\":\"error\",\"frames\":40,\"bytes\":4000,"
        + "\"errorName\":\"TypeError\",\"httpStatus\":200}", T + 3_000);
    BreakTrigger trigger = new BreakTrigger("b-" + (T + 3_000) + "-3:1", "3:1", TriggerKind.END, T + 3_000, "chatgpt", 3);
    Diagnosis d = Engine.standard().diagnose(new BreakContext(trigger, evidence), "evidence");
    assertTrue(d.toString().contains("session cookie :h"), "the rule saw the cookie, by hash: " + d);

    Path db = dir.resolve("history.db");
    List<String> outputs = new ArrayList<>();
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, () -> T + 60_000)) {
      store.save(d, BreakSummaries.from(d, evidence, null));
      HistoryRecord r = store.byId(d.breakId()).orElseThrow();
      Report report = new Report(r, store.patternsFor(r, ZoneId.of("UTC")), T + 60_000);
      for (Report.Format f : Report.Format.values()) {
        outputs.add(report.render(f));
      }
    }
    outputs.add(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1));
    for (String out : outputs) {
      for (String leak : List.of("session_[call", "evil.example/a", "onerror")) {
        assertFalse(out.contains(leak), "the page's cookie name leaked (" + leak + "):\n" + out);
      }
    }
    String md = outputs.get(0);
    assertTrue(md.contains("script") && md.contains("see https"), "the extensions are still named: " + md);
    for (String live : List.of("<script", "![", "](", "**b**", "`t`", "&lt;", "https://evil", "www.evil")) {
      // Escaped is inert: "\\<script" renders as the text "<script".
      assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)" + java.util.regex.Pattern.quote(live)).matcher(md).find(),
          "Markdown kept '" + live + "' live:\n" + md);
    }
    String html = outputs.get(2);
    assertFalse(html.contains("<script"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    JsonNode json = Json.MAPPER.readTree(outputs.get(1));
    assertTrue(json.at("/summary/extensions").toString().contains("<script>x</script>"), "JSON keeps it as data");
  }
}
