package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The guarded launcher run by the real /bin/sh: the linked runtime only while its JDK is unchanged. */
@Timeout(30)
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherGuardTest {
  private static final String VERSION = "JAVA_RUNTIME_VERSION=\"17.0.15+6-Debian-1deb12u1\"";
  @TempDir Path dir;
  Path release;
  Path launcher;

  @BeforeEach
  void setUp() throws IOException {
    release = dir.resolve("jdk it's/release");
    Files.createDirectories(release.getParent());
    Path linked = script("linked java", "linked");
    Path system = script("system java", "system");
    String text = Launcher.renderGuarded(List.of(linked.toString(), "-Xshare:auto"), List.of(system.toString()),
        release, VERSION, null);
    launcher = dir.resolve("streamdoctor-host");
    Files.writeString(launcher, text);
    FileOps.makeExecutable(launcher);
  }

  private Path script(String name, String says) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\necho " + says + " \"$@\"\n");
    FileOps.makeExecutable(p);
    return p;
  }

  private String run() throws Exception {
    Process p = new ProcessBuilder(launcher.toString(), "chrome-extension://x/").redirectErrorStream(false).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void launcher_sourceJdkUnchanged_runsTheLinkedRuntimeWithTheBrowsersArgs() throws Exception {
    Files.writeString(release, "JAVA_VERSION=\"17.0.15\"\n" + VERSION + "\nMODULES=\"java.base\"\n");
    assertEquals("linked -Xshare:auto chrome-extension://x/", run());
  }

  @Test
  void launcher_sourceJdkUpdated_runsTheUpdatedJdkItself() throws Exception {
    Files.writeString(release, "JAVA_VERSION=\"17.0.16\"\nJAVA_RUNTIME_VERSION=\"17.0.16+8-Debian-1deb12u1\"\n");
    assertEquals("system chrome-extension://x/", run());
  }

  @Test
  void launcher_sourceJdkRemoved_runsTheSystemCommandWhichReportsTheMissingJava() throws Exception {
    assertEquals("system chrome-extension://x/", run());
  }

  @Test
  void program_guardedLauncher_namesTheJavaItWouldRunNow() throws Exception {
    String text = Files.readString(launcher);
    Files.writeString(release, VERSION + "\n");
    assertEquals(dir.resolve("linked java"), Launcher.program(text).orElseThrow());
    Files.writeString(release, "JAVA_RUNTIME_VERSION=\"17.0.16+8\"\n");
    assertEquals(dir.resolve("system java"), Launcher.program(text).orElseThrow(),
        "after a JDK update status must check the JDK's java, which the launcher now runs");
    Files.delete(release);
    assertEquals(dir.resolve("system java"), Launcher.program(text).orElseThrow());
  }

  @Test
  void launcher_releaseWithoutTrailingNewline_stillMatches() throws Exception {
    // `read` is false on a last line without a newline; the launcher still looks at that line.
    Files.writeString(release, "JAVA_VERSION=\"17.0.15\"\n" + VERSION);
    assertEquals("linked -Xshare:auto chrome-extension://x/", run());
  }
}
