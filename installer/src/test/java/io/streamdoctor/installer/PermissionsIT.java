package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamdoctor.Ids;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real install under umask 022, then the host and the history command as the browser and the
 * user run them: the data, config and log folders end up 0700 and history.db 0600. Before, the
 * installer created the data folder 0755 first, the host left existing folders alone, and
 * history.db was 0644 in a folder everyone could enter.
 */
@Timeout(300)
@EnabledOnOs({OS.LINUX, OS.MAC})
class PermissionsIT {
  @TempDir Path base;
  JarProcess sd;

  @BeforeEach
  void setUp() throws Exception {
    sd = new JarProcess(base);
    sd.umask = "022";
    Files.createDirectories(base.resolve("bin"));
    Files.createDirectories(sd.home.resolve(".config/chromium"));
  }

  static final String ORIGIN = "chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/";

  /** One framed {@code history} request: the host opens (and so creates) history.db for it. */
  private static byte[] historyRequest() {
    byte[] body = "{\"v\":1,\"type\":\"history\",\"id\":\"h1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.nio.ByteBuffer.allocate(4 + body.length).order(java.nio.ByteOrder.nativeOrder())
        .putInt(body.length).put(body).array();
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void installUnderUmask022_privateFoldersAndHistory_andWrongModesAreRepaired() throws Exception {
    JarProcess.Result install = sd.run("install", "--browser", "chromium", "--no-archive", "--no-verify");
    assertEquals(0, install.code(), install.toString());
    for (String dir : new String[] {"data", "config", "logs"}) {
      assertEquals("rwx------", mode(sd.sdHome.resolve(dir)), dir);
    }
    assertEquals("rwxr-xr-x", mode(sd.sdHome.resolve("data/streamdoctor-host")), "the launcher stays runnable");
    JarProcess.Result history = sd.run(historyRequest(), ORIGIN);
    assertEquals(0, history.code(), history.toString());
    Path db = sd.sdHome.resolve("data/history.db");
    assertEquals("rw-------", mode(db));

    // An older version's modes: the next host start and the next open put them right.
    Files.setPosixFilePermissions(sd.sdHome.resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(sd.sdHome.resolve("config"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(sd.sdHome.resolve("logs"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    JarProcess.Result host = sd.run(ORIGIN);
    assertEquals(0, host.code(), host.toString());
    for (String dir : new String[] {"data", "config", "logs"}) {
      assertEquals("rwx------", mode(sd.sdHome.resolve(dir)), dir + " after the host ran");
    }
    assertEquals(0, sd.run("history").code(), "the CLI opens the existing history");
    assertEquals("rw-------", mode(db), "history.db after it was opened again");
  }

  /** SQLite gives -wal and -shm the database's mode; this JVM runs under the test's umask. */
  @Test
  void historyOpen_walAndShmFollowTheDatabase() throws Exception {
    Path probe = Files.createFile(base.resolve("umask-probe"));
    org.junit.jupiter.api.Assumptions.assumeTrue(mode(probe).equals("rw-r--r--"), "needs umask 022: " + mode(probe));
    Path db = base.resolve("h/history.db");
    try (HistoryStore store = HistoryStore.open(db, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      assertEquals("rwx------", mode(db.getParent()));
      assertEquals("rw-------", mode(db));
      assertEquals("rw-------", mode(base.resolve("h/history.db-wal")));
      assertEquals("rw-------", mode(base.resolve("h/history.db-shm")));
    }
  }
}
