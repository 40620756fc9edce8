package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the .deb with installer/package/build-deb.sh, installs it with dpkg -i (twice: the second
 * run is the upgrade path), checks {@code streamdoctor status --system}, purges it and checks that
 * the system-wide manifests are gone. Runs only as root with dpkg-deb, jpackage and fakeroot (CI);
 * skipped when a streamdoctor package or foreign manifests are already there, or when
 * STREAMDOCTOR_SKIP_DEB_IT=1.
 */
@Timeout(900)
@EnabledOnOs(OS.LINUX)
class DebPackageIT {
  private static final List<Path> MANIFESTS = List.of(
      Path.of("/etc/chromium/native-messaging-hosts/io.streamdoctor.host.json"),
      Path.of("/etc/opt/chrome/native-messaging-hosts/io.streamdoctor.host.json"),
      Path.of("/usr/lib/mozilla/native-messaging-hosts/io.streamdoctor.host.json"));

  @TempDir Path out;

  record Run(int code, String output) {}

  private static Run run(long timeoutS, String... cmd) throws IOException, InterruptedException {
    Path log = Files.createTempFile("deb-it", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeoutS + " s");
      }
      return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean onPath(String tool) throws Exception {
    return run(10, "sh", "-c", "command -v " + tool).code() == 0;
  }

  @Test
  void deb_installStatusPurge_registersAndRemovesSystemManifests() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeFalse("1".equals(System.getenv("STREAMDOCTOR_SKIP_DEB_IT")), "STREAMDOCTOR_SKIP_DEB_IT=1");
    for (String tool : List.of("dpkg-deb", "dpkg", "jpackage", "fakeroot")) {
      assumeTrue(onPath(tool), "needs " + tool);
    }
    assumeFalse(run(10, "dpkg", "-s", "streamdoctor").code() == 0, "a streamdoctor package is already installed");
    assumeTrue(MANIFESTS.stream().noneMatch(Files::exists), "system-wide manifests already exist");

    Path script = Path.of("../installer/package/build-deb.sh").toAbsolutePath().normalize();
    Run build = run(600, "sh", script.toString(), JarProcess.jar().toString(), out.toString());
    assertEquals(0, build.code(), build.output());
    List<Path> debs = new ArrayList<>();
    try (var s = Files.list(out)) {
      s.filter(p -> p.toString().endsWith(".deb")).forEach(debs::add);
    }
    assertEquals(1, debs.size(), debs.toString());
    String deb = debs.get(0).toString();

    try {
      Run install = run(300, "dpkg", "-i", deb);
      assertEquals(0, install.code(), install.output());
      MANIFESTS.forEach(m -> assertTrue(Files.isRegularFile(m), m + " missing after dpkg -i\n" + install.output()));
      Run again = run(300, "dpkg", "-i", deb);
      assertEquals(0, again.code(), again.output());

      Run status = run(120, "/opt/streamdoctor/bin/streamdoctor", "status", "--system");
      assertEquals(0, status.code(), status.output());
      for (String b : List.of("chromium", "chrome", "firefox")) {
        assertTrue(status.output().contains(String.format("OK    %-14s hello from host", b)), status.output());
      }
      assertTrue(Files.readString(MANIFESTS.get(0)).contains("\"/opt/streamdoctor/bin/streamdoctor\""));
    } finally {
      Run purge = run(300, "dpkg", "-P", "streamdoctor");
      assertEquals(0, purge.code(), purge.output());
    }
    MANIFESTS.forEach(m -> assertFalse(Files.exists(m), m + " left behind"));
    assertFalse(Files.exists(Path.of("/var/lib/streamdoctor")));
    assertFalse(Files.exists(Path.of("/opt/streamdoctor")));
  }
}
