package io.streamdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** history-v1.db is a real schema-1 file (see make-history-v1.sql beside it). */
@Timeout(30)
class HistoryMigrationTest {
  @TempDir Path dir;

  @Test
  void open_v1File_migratesToCurrentAndKeepsEveryBreak() throws Exception {
    Path db = dir.resolve("history.db");
    try (InputStream in = getClass().getResourceAsStream("history-v1.db")) {
      Files.copy(in, db);
    }
    long now = 1_764_010_000_000L;
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, () -> now)) {
      assertEquals(3, store.count());
      HistoryRecord probed = store.byId("b-1764000000000-3:1").orElseThrow();
      assertEquals("probed", probed.stage());
      assertEquals("network.idle_cutoff", probed.topCause());
      assertEquals(60_100.0, probed.durationMs());
      assertEquals("n-5f2a", probed.networkId());
      // A schema-1 summary without the later fields still reads, with them empty.
      HistoryRecord sparse = store.byId("b-1764003600000-4:2").orElseThrow();
      assertNull(sparse.summary().extensionsHash());
      assertEquals(0, sparse.summary().extensions().size());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      assertEquals(String.valueOf(Schema.current()), HistoryStoreTest.one(st, "PRAGMA user_version"));
      assertEquals("60100.0", HistoryStoreTest.one(st,
          "SELECT duration_ms FROM breaks WHERE break_id = 'b-1764000000000-3:1'"));
      assertEquals("0.92", HistoryStoreTest.one(st,
          "SELECT confidence FROM breaks WHERE break_id = 'b-1764003600000-4:2'"));
      assertEquals("2", HistoryStoreTest.one(st,
          "SELECT count(*) FROM breaks WHERE network_id = 'n-5f2a'"));
      assertEquals("ok", HistoryStoreTest.one(st, "PRAGMA integrity_check"));
    }
  }

  @Test
  void open_newerSchemaThanKnown_failsClearly() throws Exception {
    Path db = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version = 99");
    }
    HistoryException e = org.junit.jupiter.api.Assertions.assertThrows(HistoryException.class,
        () -> HistoryStore.open(db, HistoryConfig.DEFAULT, () -> 0L));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("newer"), e.getMessage());
  }

  @Test
  void statements_scriptWithComments_splitsOnLineEndSemicolons() {
    assertEquals(2, Schema.statements("-- c\nCREATE TABLE a (x INT);\n\nALTER TABLE a ADD COLUMN y;\n").size());
  }
}
