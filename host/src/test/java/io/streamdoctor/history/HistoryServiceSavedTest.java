package io.streamdoctor.history;

import static io.streamdoctor.history.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The "saved" callback is the ack's permission (nativemsg.Acker): only a commit may give it. */
@Timeout(30)
class HistoryServiceSavedTest {
  @TempDir Path dir;

  @Test
  void saveAsync_committed_runsSavedAfterTheRowIsReadable() throws Exception {
    HistoryService s = new HistoryService(dir.resolve("history.db"), HistoryConfig.DEFAULT, () -> T0);
    AtomicInteger seen = new AtomicInteger(-1);
    try {
      s.saveAsync(Fixtures.diagnosis("b-1", T0, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("b-1", "chatgpt", 1000.0, null, null),
          () -> seen.set(count(dir.resolve("history.db"))));
      assertTrue(s.flush(10_000));
    } finally {
      s.close();
    }
    assertEquals(1, seen.get());
  }

  @Test
  void saveAsync_databaseUnusable_neverRunsSaved() throws Exception {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    HistoryService s = new HistoryService(notADir.resolve("history.db"), HistoryConfig.DEFAULT, () -> T0);
    AtomicInteger calls = new AtomicInteger();
    try {
      s.saveAsync(Fixtures.diagnosis("b", T0, "chatgpt", "server.error", 0.9, "evidence"),
          Fixtures.summary("b", "chatgpt", 1000.0, null, null), calls::incrementAndGet);
      assertTrue(s.flush(5_000));
    } finally {
      s.close();
    }
    assertEquals(0, calls.get());
  }

  @Test
  void saveAsync_afterClose_neverRunsSaved() {
    HistoryService s = new HistoryService(dir.resolve("history.db"), HistoryConfig.DEFAULT, () -> T0);
    s.close();
    AtomicInteger calls = new AtomicInteger();
    s.saveAsync(Fixtures.diagnosis("b", T0, "chatgpt", "server.error", 0.9, "evidence"),
        Fixtures.summary("b", "chatgpt", 1000.0, null, null), calls::incrementAndGet);
    assertEquals(0, calls.get());
  }

  private static int count(Path db) {
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, () -> T0)) {
      return store.count();
    } catch (HistoryException e) {
      return -2;
    }
  }
}
