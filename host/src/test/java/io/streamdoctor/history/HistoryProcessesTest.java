package io.streamdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real separate JVMs on one history file: what two browsers' hosts do. */
@Timeout(120)
class HistoryProcessesTest {
  @TempDir Path dir;

  private Process writer(Path db, String prefix, int count, long pauseMs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HistoryWriterMain.class.getName(), db.toString(), prefix, String.valueOf(count),
        String.valueOf(pauseMs));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static List<String> lines(Process p) throws Exception {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void twoProcesses_200BreaksEachAtOnce_all400Stored() throws Exception {
    Path db = dir.resolve("history.db");
    Process a = writer(db, "a", 200, 0);
    Process b = writer(db, "b", 200, 0);
    List<String> outA = lines(a);
    List<String> outB = lines(b);
    assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, a.exitValue(), "writer a: " + outA);
    assertEquals(0, b.exitValue(), "writer b: " + outB);
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      assertEquals(400, store.count());
      Set<String> ids = new HashSet<>();
      store.recent(1000).forEach(r -> ids.add(r.breakId()));
      for (int i = 0; i < 200; i++) {
        assertTrue(ids.contains("a-" + i) && ids.contains("b-" + i), "missing break " + i);
      }
      assertEquals("ok", store.integrityCheck());
    }
  }

  @Test
  void writerKilledMidStream_everyReportedBreakSurvivesAndFileIsSound() throws Exception {
    Path db = dir.resolve("history.db");
    Process p = writer(db, "k", 100_000, 0);
    List<String> committed = new ArrayList<>();
    BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("k-")) {
        committed.add(line);
      }
      if (committed.size() == 150) {
        // SIGKILL while the writer is in its loop: most likely inside a transaction.
        p.destroyForcibly();
        break;
      }
    }
    // destroyForcibly() closes our end of its stdout: ids printed after that are not counted.
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(committed.size() == 150, "writer died early: " + committed.size());
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      assertEquals("ok", store.integrityCheck());
      for (String id : committed) {
        assertTrue(store.byId(id).isPresent(), "committed break lost: " + id);
      }
      assertTrue(store.count() >= committed.size());
    }
  }
}
