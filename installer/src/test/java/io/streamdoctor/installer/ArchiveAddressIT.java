package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamdoctor.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the installed host's JVM really maps its class-data archive, read from /proc/PID/maps
 * while the host runs (Linux; x86-64, where per-install addresses are used): at the same
 * per-install address at every start, at a new one after a re-install, and at a new random one
 * at every start with --relocate-archive.
 */
@Timeout(600)
@EnabledOnOs(OS.LINUX)
class ArchiveAddressIT {
  @TempDir Path base;
  JarProcess sd;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(ArchiveBase.draw(System.getProperty("os.arch")).isPresent(), "per-install addresses are x86-64 only");
    sd = new JarProcess(base);
    Files.createDirectories(base.resolve("bin"));
    Files.createDirectories(sd.home.resolve(".config/chromium"));
  }

  private Path launcher() {
    return sd.sdHome.resolve("data/streamdoctor-host");
  }

  /** Starts the launcher as a browser does, reads the hello's length, then the archive's lowest mapped address. */
  private static long mappedAt(Path launcher, Path archive) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(launcher.toString(), "chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (InputStream in = p.getInputStream()) {
      assertEquals(4, in.readNBytes(4).length, "no hello from " + launcher);
      return Files.readAllLines(Path.of("/proc/" + p.pid() + "/maps")).stream()
          .filter(l -> l.endsWith(" " + archive))
          .mapToLong(l -> Long.parseUnsignedLong(l.substring(0, l.indexOf('-')), 16))
          .min().orElseThrow(() -> new AssertionError(archive + " is not mapped by " + p.pid()));
    } finally {
      p.getOutputStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private long[] twoStarts(Path archive) throws Exception {
    return new long[] {mappedAt(launcher(), archive), mappedAt(launcher(), archive)};
  }

  private void assertAtInstallAddress(Path archive, long[] at) throws IOException {
    assertEquals(at[0], at[1], "two starts mapped the archive at different addresses");
    assertTrue(at[0] >= ArchiveBase.LOW && at[0] < ArchiveBase.HIGH, Long.toHexString(at[0]));
    // A drawn base (16 MiB-aligned) or one page above it (JDK 25), not an address the JVM moved.
    assertTrue(at[0] % ArchiveBase.ALIGN < (64 << 10), Long.toHexString(at[0]));
    assertTrue(Files.readString(launcher()).contains("'-XX:ArchiveRelocationMode=0'"));
    assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
  }

  @Test
  void install_defaultJava_archiveAtTheSameInstallAddressEveryStartAndANewOneAfterReinstall() throws Exception {
    JavaRuntime java = JavaRuntime.current(Os.LINUX);
    assumeTrue(java.mapsAtBase(), "JDK " + java.feature() + " keeps its archive relocated");
    Path archive = sd.sdHome.resolve("data/" + java.archiveName());
    JarProcess.Result r = sd.run("install", "--browser", "chromium");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("OK    chromium       hello from host"), r.toString());
    long[] first = twoStarts(archive);
    assertAtInstallAddress(archive, first);

    JarProcess.Result again = sd.run("install", "--browser", "chromium", "--no-link", "--no-verify");
    assertEquals(0, again.code(), again.toString());
    long[] second = twoStarts(archive);
    assertAtInstallAddress(archive, second);
    assertNotEquals(first[0], second[0], "a re-install draws a new address");
  }

  @Test
  void install_relocateArchive_archiveAtANewRandomAddressEveryStart() throws Exception {
    Path archive = sd.sdHome.resolve("data/" + JavaRuntime.current(Os.LINUX).archiveName());
    JarProcess.Result r = sd.run("install", "--browser", "chromium", "--no-link", "--no-verify", "--relocate-archive");
    assertEquals(0, r.code(), r.toString());
    assertFalse(Files.readString(launcher()).contains("ArchiveRelocationMode"));
    long[] at = twoStarts(archive);
    assertNotEquals(at[0], at[1], "the JVM's default relocates the archive to a new address at every start");
  }

  @Test
  void install_jdk25_aotCacheAtTheSameInstallAddressEveryStart() throws Exception {
    Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    assumeTrue(Files.isExecutable(java25), "needs a JDK 25 at " + java25);
    JarProcess.Result r = sd.run("install", "--browser", "chromium", "--no-verify", "--java", java25.toString());
    assertEquals(0, r.code(), r.toString());
    Path archive = sd.sdHome.resolve("data/streamdoctor.aot");
    assertAtInstallAddress(archive, twoStarts(archive));
  }
}
