package io.streamdoctor.history;

import static io.streamdoctor.history.Fixtures.DAY;
import static io.streamdoctor.history.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Breaks a page makes on hosts no site lists have their own quota: they never evict chat-site history. */
@Timeout(30)
class HistoryQuotaTest {
  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong(T0 + DAY);

  @Test
  void prune_floodOfOtherBreaks_keepsEveryChatSiteBreak() throws Exception {
    HistoryConfig cfg = new HistoryConfig(20, 180, 10_000, 30, 500);
    try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"), cfg, now::get)) {
      for (int i = 0; i < 15; i++) {
        store.save(Fixtures.diagnosis("real-" + i, T0 + i, "chatgpt", "server.overloaded", 0.9, "evidence"),
            Fixtures.summary("real-" + i, "chatgpt", 1000.0, null, null));
      }
      // Newer than every real break: by age alone, a single 20-break cap would keep only these.
      for (int i = 0; i < 300; i++) {
        store.save(Fixtures.diagnosis("page-" + i, T0 + 1000 + i, "chatgpt", "stream.dropped_unexplained", 0.35, "evidence"),
            Fixtures.summary("page-" + i, "chatgpt", 10.0, null, null), HistoryScope.OTHER);
      }
      List<HistoryRecord> all = store.recent(1000);
      assertEquals(15, all.stream().filter(r -> r.breakId().startsWith("real-")).count(), "every chat-site break kept");
      assertEquals(HistoryScope.otherQuota(20), all.stream().filter(r -> r.breakId().startsWith("page-")).count());
      assertTrue(all.stream().anyMatch(r -> r.breakId().equals("page-299")), "the newest other breaks are the ones kept");
    }
  }

  @Test
  void prune_chatSiteBreaksStillCappedByMaxBreaks() throws Exception {
    HistoryConfig cfg = new HistoryConfig(10, 180, 10_000, 30, 500);
    try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"), cfg, now::get)) {
      for (int i = 0; i < 25; i++) {
        store.save(Fixtures.diagnosis("real-" + i, T0 + i, "claude", "server.overloaded", 0.9, "evidence"),
            Fixtures.summary("real-" + i, "claude", 1000.0, null, null));
      }
      assertEquals(10, store.count());
    }
  }

  @Test
  void breakScopes_offSiteAndScriptedTabsGoToTheSmallQuota() {
    AtomicLong clock = new AtomicLong(0);
    BreakScopes scopes = new BreakScopes(d -> !d.breakId().startsWith("off"), clock::get);
    assertEquals(HistoryScope.OTHER, scopes.apply(Fixtures.diagnosis("off-1", T0, "chatgpt", "x", 0.5, "evidence")));
    int site = 0;
    for (int i = 0; i < 200; i++) { // tab 7 breaks 200 times in 2 s
      clock.set(i * 10L);
      if (scopes.apply(withStream(Fixtures.diagnosis("b-" + i, T0, "chatgpt", "x", 0.5, "evidence"), "7:" + i)) == HistoryScope.SITE) {
        site++;
      }
    }
    assertEquals(BreakScopes.BURST, site, "a scripted tab keeps the burst only");
    // Another tab (the user's) is unaffected, and a break keeps the scope it was given first.
    assertEquals(HistoryScope.SITE, scopes.apply(withStream(Fixtures.diagnosis("real", T0, "chatgpt", "x", 0.5, "evidence"), "3:1")));
    assertEquals(HistoryScope.OTHER, scopes.apply(withStream(Fixtures.diagnosis("b-199", T0, "chatgpt", "x", 0.5, "probed"), "7:199")));
  }

  private static io.streamdoctor.diagnosis.Diagnosis withStream(io.streamdoctor.diagnosis.Diagnosis d, String stream) {
    return new io.streamdoctor.diagnosis.Diagnosis(d.breakId(), stream, d.site(), d.url(), d.ts(), d.symptom(),
        d.findings(), d.ruledOut(), d.stage());
  }
}
