package io.streamdoctor.history;

import io.streamdoctor.platform.PrivateDirs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where sqlite-jdbc puts its native library. It extracts the library for this platform from its
 * jar into {@code org.sqlite.tmpdir} (default: {@code java.io.tmpdir}) and loads it from there
 * (sqlite-jdbc's SQLiteJDBCLoader); on a machine whose /tmp is mounted noexec that load fails and
 * history stops. The product's own data folder is the user's and executable wherever the user's
 * home is, so the library goes to {@code <data>/native} unless the user chose a folder.
 */
public final class SqliteNative {
  static final String PROPERTY = "org.sqlite.tmpdir";

  private SqliteNative() {}

  /** Points the extraction at {@code <dataDir>/native}; a user's own -Dorg.sqlite.tmpdir wins. */
  public static synchronized void prepare(Path dataDir) {
    if (System.getProperty(PROPERTY) != null || dataDir == null) {
      return;
    }
    Path dir = dataDir.toAbsolutePath().resolve("native");
    try {
      PrivateDirs.create(dir);
      System.setProperty(PROPERTY, dir.toString());
    } catch (IOException | RuntimeException e) {
      // Leave sqlite-jdbc's default: history still works wherever /tmp allows it.
      System.err.println("streamdoctor: cannot prepare " + dir + " for SQLite's library; using the default");
    }
  }
}
