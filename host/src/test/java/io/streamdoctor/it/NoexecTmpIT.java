package io.streamdoctor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temp folder mounted noexec (common on hardened machines) must not stop history: the real jar's
 * `history` runs with java.io.tmpdir on a real noexec tmpfs. Needs root for mount(8): CI runs as
 * root; elsewhere the test is skipped with the reason.
 */
@Timeout(90)
class NoexecTmpIT {
  @TempDir Path dir;
  private Path mnt;

  private static int sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mnt != null) {
      sh("umount", mnt.toString());
    }
  }

  @Test
  void history_withNoexecTmp_stillWorks() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting a noexec tmpfs needs root");
    Path tmp = Files.createDirectories(dir.resolve("noexec-tmp"));
    assumeTrue(sh("mount", "-t", "tmpfs", "-o", "noexec,size=64m", "tmpfs", tmp.toString()) == 0,
        "mount -t tmpfs -o noexec is not allowed here");
    mnt = tmp;
    Path home = Files.createDirectories(dir.resolve("home"));
    // An existing (empty) database, so SQLite really loads: with none, history has nothing to open.
    Path db = Files.createFile(dir.resolve("history.db"));
    ProcessBuilder pb = new ProcessBuilder(HostProcess.javaBin(), "-Djava.io.tmpdir=" + tmp,
        "-jar", HostProcess.jar().toString(), "history", "--limit", "1", "--db", db.toString());
    pb.environment().put("STREAMDOCTOR_HOME", home.toString());
    pb.environment().put("HOME", home.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertFalse(out.contains("Exception") || out.contains("UnsatisfiedLinkError"), out);
    assertTrue(out.contains("No breaks"), out);
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.filter(f -> f.getFileName().toString().contains("sqlite")).count(),
          "the native library went to the product's own folder, not the noexec temp");
    }
  }
}
