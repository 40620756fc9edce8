package io.streamdoctor.history;

import static io.streamdoctor.history.Fixtures.DAY;
import static io.streamdoctor.history.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.diagnosis.Diagnosis;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HistoryStoreTest {
  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong(T0 + DAY);

  private HistoryStore open(HistoryConfig cfg) throws HistoryException {
    return HistoryStore.open(dir.resolve("sub/history.db"), cfg, now::get);
  }

  @Test
  void save_thenByIdAndRecent_roundTripsDiagnosisAndSummary() throws Exception {
    Diagnosis d = Fixtures.diagnosis("b-1", T0, "chatgpt", "server.overloaded", 0.9, "evidence");
    BreakSummary s = Fixtures.summary("b-1", "chatgpt", 61_000.0, "n-1",
        List.of(Fixtures.ext("abc", "uBlock Origin"))).inSession("5e55a0c1d2e3");
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      store.save(d, s);
      HistoryRecord r = store.byId("b-1").orElseThrow();
      assertEquals(d, r.diagnosis());
      assertEquals(s, r.summary());
      assertEquals("5e55a0c1d2e3", r.summary().session(), "the host session a pattern's spread is counted in");
      assertEquals("evidence", r.stage());
      assertEquals(List.of("b-1"), store.recent(10).stream().map(HistoryRecord::breakId).toList());
      assertTrue(store.byId("nope").isEmpty());
    }
  }

  @Test
  void save_sameBreakLaterStage_replacesAndKeepsStage() throws Exception {
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      store.save(Fixtures.diagnosis("b-1", T0, "claude", "stream.stalled", 0.4, "evidence"),
          Fixtures.summary("b-1", "claude", 1000.0, null, null));
      store.save(Fixtures.diagnosis("b-1", T0, "claude", "network.packet_loss", 0.8, "probed"),
          Fixtures.summary("b-1", "claude", 1000.0, null, null));
      store.save(Fixtures.diagnosis("b-1", T0, "claude", "stream.stalled", 0.4, "evidence"),
          Fixtures.summary("b-1", "claude", 1000.0, null, null));
      HistoryRecord r = store.byId("b-1").orElseThrow();
      assertEquals("probed", r.stage());
      assertEquals("network.packet_loss", r.topCause());
      assertEquals(1, store.count());
    }
  }

  @Test
  void open_newFile_isWalWithFullSyncAndCurrentSchema() throws Exception {
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      store.save(Fixtures.diagnosis("b-1", T0, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("b-1", "chatgpt", 1000.0, null, null));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/history.db"));
          Statement st = c.createStatement()) {
        assertEquals("wal", one(st, "PRAGMA journal_mode"));
        assertEquals(String.valueOf(Schema.current()), one(st, "PRAGMA user_version"));
      }
    }
  }

  @Test
  void save_overMaxBreaks_keepsNewest() throws Exception {
    HistoryConfig small = new HistoryConfig(3, 180, 1000, 30, 500);
    try (HistoryStore store = open(small)) {
      for (int i = 0; i < 5; i++) {
        store.save(Fixtures.diagnosis("b-" + i, T0 + i * 1000L, "chatgpt", "server.error", 0.9, "evidence"),
            Fixtures.summary("b-" + i, "chatgpt", 1000.0, null, null));
      }
      assertEquals(List.of("b-4", "b-3", "b-2"),
          store.recent(10).stream().map(HistoryRecord::breakId).toList());
    }
  }

  @Test
  void open_breaksOlderThanMaxAge_areDropped() throws Exception {
    HistoryConfig tenDays = new HistoryConfig(5000, 10, 1000, 30, 500);
    try (HistoryStore store = open(tenDays)) {
      store.save(Fixtures.diagnosis("old", T0, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("old", "chatgpt", 1000.0, null, null));
      store.save(Fixtures.diagnosis("new", T0 + 9 * DAY, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("new", "chatgpt", 1000.0, null, null));
      assertEquals(2, store.count());
    }
    now.set(T0 + 12 * DAY);
    try (HistoryStore store = open(tenDays)) {
      assertFalse(store.byId("old").isPresent());
      assertTrue(store.byId("new").isPresent());
    }
  }

  @Test
  void save_urlWithQueryAndIds_storesSanitizedUrlOnly() throws Exception {
    Diagnosis d = new Diagnosis("b-q", "1:1", "chatgpt",
        "https://chatgpt.com/c/0123456789abcdef0123?q=SECRET#frag", T0, "message_stream_error",
        List.of(), List.of(), "evidence");
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      store.save(d, BreakSummary.bare("b-q", "1:1", "chatgpt", d.url()));
      HistoryRecord r = store.byId("b-q").orElseThrow();
      assertFalse(r.diagnosis().url().contains("SECRET"));
      assertFalse(r.summary().url().contains("0123456789abcdef0123"));
      assertTrue(r.diagnosis().url().startsWith("https://chatgpt.com/c/:h"));
    }
  }

  @Test
  void save_hostileSummaryBuiltElsewhere_isSanitizedAtTheStore() throws Exception {
    BreakSummary hostile = new BreakSummary("b-h", "1:1", "chatgpt",
        "https://chatgpt.com/x?prompt=CANARY", "sse", "error", null, null, "CANARY in a code field",
        null, List.of("CANARY text"), 0, 0, 0, null, null, null, null, null, null, null, null,
        List.of(), List.of(new BreakSummary.Mark("end", 0, null, null, "see https://a.example/?q=CANARY")),
        List.of());
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      store.save(Fixtures.diagnosis("b-h", T0, "chatgpt", "server.error", 0.9, "evidence"), hostile);
      String json = io.streamdoctor.Json.MAPPER.writeValueAsString(store.byId("b-h").orElseThrow());
      assertFalse(json.contains("CANARY"), json);
    }
  }

  @Test
  void recent_oneUnreadableRow_othersStillListed() throws Exception {
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      for (String id : List.of("good", "bad")) {
        store.save(Fixtures.diagnosis(id, T0, "chatgpt", "server.error", 0.9, "evidence"),
            Fixtures.summary(id, "chatgpt", 1000.0, null, null));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/history.db"));
        Statement st = c.createStatement()) {
      st.execute("UPDATE breaks SET summary = 'not json' WHERE break_id = 'bad'");
    }
    try (HistoryStore store = open(HistoryConfig.DEFAULT)) {
      assertEquals(List.of("good"), store.recent(10).stream().map(HistoryRecord::breakId).toList());
    }
  }

  @Test
  void configLoad_overridesAndBadValues() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("history.properties"), "maxBreaks=10\nmaxAgeDays = 7\n");
    HistoryConfig c = HistoryConfig.load(dir);
    assertEquals(10, c.maxBreaks());
    assertEquals(7, c.maxAgeDays());
    java.nio.file.Files.writeString(dir.resolve("history.properties"), "maxBreaks=-1\n");
    assertEquals(HistoryConfig.DEFAULT, HistoryConfig.load(dir));
    assertEquals(HistoryConfig.DEFAULT, HistoryConfig.load(dir.resolve("missing")));
  }

  static String one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
