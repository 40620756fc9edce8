package io.streamdoctor.history;

import java.nio.file.Path;

/**
 * A separate writer process for the concurrency and crash tests: saves {@code count} breaks with
 * ids {@code prefix-i}, printing each id only after save() returned (the commit is durable).
 * Args: db-path prefix count pause-ms.
 */
public final class HistoryWriterMain {
  private HistoryWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    long pauseMs = Long.parseLong(args[3]);
    try (HistoryStore store =
        HistoryStore.open(db, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      System.out.println("ready");
      System.out.flush();
      for (int i = 0; i < count; i++) {
        String id = prefix + "-" + i;
        long ts = System.currentTimeMillis();
        store.save(Fixtures.diagnosis(id, ts, "chatgpt", "server.error", 0.9, "evidence"),
            Fixtures.summary(id, "chatgpt", 60_000.0 + i, "n-" + prefix, null));
        System.out.println(id);
        System.out.flush();
        if (pauseMs > 0) {
          Thread.sleep(pauseMs);
        }
      }
    }
    System.out.println("done");
    System.out.flush();
  }
}
