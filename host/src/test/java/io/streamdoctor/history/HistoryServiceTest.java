package io.streamdoctor.history;

import static io.streamdoctor.history.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HistoryServiceTest {
  @TempDir Path dir;

  @Test
  void construct_noUseYet_createsNoDatabase() {
    Path db = dir.resolve("data/history.db");
    HistoryService s = new HistoryService(db, HistoryConfig.DEFAULT, () -> T0);
    s.close();
    assertFalse(Files.exists(db));
  }

  @Test
  void saveAsync_thenCall_readSeesEverySaveQueuedBeforeIt() throws Exception {
    HistoryService s = new HistoryService(dir.resolve("history.db"), HistoryConfig.DEFAULT, () -> T0);
    try {
      for (int i = 0; i < 50; i++) {
        s.saveAsync(Fixtures.diagnosis("b-" + i, T0 + i, "chatgpt", "server.error", 0.9, "evidence"),
            Fixtures.summary("b-" + i, "chatgpt", 1000.0, null, null));
      }
      assertEquals(50, s.call(HistoryStore::count, 10_000));
      assertEquals(0, s.pending());
    } finally {
      s.close();
    }
  }

  @Test
  void close_withQueuedSaves_commitsThemFirst() throws Exception {
    Path db = dir.resolve("history.db");
    HistoryService s = new HistoryService(db, HistoryConfig.DEFAULT, () -> T0);
    for (int i = 0; i < 20; i++) {
      s.saveAsync(Fixtures.diagnosis("b-" + i, T0 + i, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("b-" + i, "chatgpt", 1000.0, null, null));
    }
    s.close();
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, () -> T0)) {
      assertEquals(20, store.count());
    }
  }

  @Test
  void call_unopenableDatabase_failsWithHistoryExceptionEveryTime() throws Exception {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    HistoryService s = new HistoryService(notADir.resolve("history.db"), HistoryConfig.DEFAULT, () -> T0);
    try {
      s.saveAsync(Fixtures.diagnosis("b", T0, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("b", "chatgpt", 1000.0, null, null));
      assertThrows(HistoryException.class, () -> s.call(HistoryStore::count, 5_000));
      assertThrows(HistoryException.class, () -> s.call(HistoryStore::count, 5_000));
      assertTrue(s.flush(5_000));
    } finally {
      s.close();
    }
  }

  @Test
  void call_fileIsNotADatabase_movesItAsideAndStartsAfresh() throws Exception {
    Path db = dir.resolve("history.db");
    Files.writeString(db, "this is not a database, it is a text file that happens to be here");
    HistoryService s = new HistoryService(db, HistoryConfig.DEFAULT, () -> T0);
    try {
      assertEquals(0, s.call(HistoryStore::count, 10_000));
      assertTrue(Files.exists(dir.resolve("history.db.corrupt-" + T0)), "damaged file kept aside");
    } finally {
      s.close();
    }
  }
}
