import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryRecord;
import io.streamdoctor.history.HistoryStore;
import java.nio.file.Path;

/**
 * For bench/durability.sh, run with the host jar on the class path: PRAGMA integrity_check through
 * the host's own history code (no sqlite3 CLI needed), then the stream id of every saved break,
 * one per line after the first line "integrity=<result>".
 */
public final class HistoryCheck {
  public static void main(String[] args) throws Exception {
    try (HistoryStore store = HistoryStore.open(Path.of(args[0]), HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      System.out.println("integrity=" + store.integrityCheck().replace('\n', ' '));
      for (HistoryRecord r : store.recent(1_000_000)) {
        System.out.println(r.diagnosis().stream());
      }
    }
  }
}
