package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real jar installs into a temporary HOME, the real hop succeeds, uninstall leaves nothing. */
@Timeout(600)
@EnabledOnOs({OS.LINUX, OS.MAC})
class InstallerIT {
  @TempDir Path base;
  JarProcess sd;

  @BeforeEach
  void setUp() throws Exception {
    sd = new JarProcess(base);
    Files.createDirectories(base.resolve("bin"));
    Files.createDirectories(sd.home.resolve(".config/chromium"));
  }

  private Path chromiumManifest() {
    return sd.home.resolve(".config/chromium/NativeMessagingHosts/io.streamdoctor.host.json");
  }

  @Test
  void install_chromiumAndFirefox_realHopOkTwiceAndUninstallLeavesNothing() throws Exception {
    List<String> before = TreeSnapshot.of(base);
    JarProcess.Result first = sd.run("install", "--browser", "chromium", "--browser", "firefox");
    assertEquals(0, first.code(), first.toString());
    assertTrue(first.out().contains("OK    chromium       hello from host"), first.toString());
    assertTrue(first.out().contains("OK    firefox        hello from host"), first.toString());
    String launcher = Files.readString(sd.sdHome.resolve("data/streamdoctor-host"));
    assertTrue(launcher.contains("exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "'"), launcher);

    JarProcess.Result again = sd.run("install", "--browser", "chromium", "--no-archive");
    assertEquals(0, again.code(), again.toString());
    JarProcess.Result status = sd.run("status");
    assertEquals(0, status.code(), status.toString());
    assertTrue(status.out().contains("OK    firefox"), "firefox stays registered: " + status);

    JarProcess.Result un = sd.run("uninstall", "--purge");
    assertEquals(0, un.code(), un.toString());
    JarProcess.Result twice = sd.run("uninstall");
    assertEquals(0, twice.code(), twice.toString());
    assertTrue(twice.out().startsWith("nothing to uninstall"), twice.toString());
    assertEquals(before, TreeSnapshot.of(base));
  }

  @Test
  void install_noBrowserNamed_registersTheOnesFoundInHome() throws Exception {
    Files.createDirectories(sd.home.resolve(".config/BraveSoftware/Brave-Browser"));
    Files.createDirectories(sd.home.resolve(".librewolf"));
    JarProcess.Result r = sd.run("install", "--no-archive", "--no-verify");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("registered chromium"), r.out());
    assertTrue(r.out().contains("registered brave"), r.out());
    assertTrue(r.out().contains("registered librewolf"), r.out());
    assertTrue(!r.out().contains("registered firefox"), r.out());
  }

  @Test
  void status_pollutingLauncher_showsTheTextThatPollutedStdout() throws Exception {
    assertEquals(0, sd.run("install", "--browser", "chromium", "--no-archive", "--no-verify").code());
    Path real = sd.sdHome.resolve("data/streamdoctor-host");
    Path polluter = ScriptHosts.write(base, "polluting-host", "echo 'Welcome back, user!'\nexec '" + real + "' \"$@\"\n");
    Files.writeString(chromiumManifest(), Files.readString(chromiumManifest()).replace(real.toString(), polluter.toString()));
    JarProcess.Result s = sd.run("status", "--browser", "chromium");
    assertEquals(10, s.code(), s.toString());
    assertTrue(s.out().contains("FAIL  chromium       stdout polluted: before its first frame the host printed"
        + " \"Welcome back, user!\\n\"; the browser reads \"Welc\" as a message length of"), s.toString());
  }

  @Test
  void status_brokenInstall_namesJavaMissingAndWrongOrigin() throws Exception {
    assertEquals(0, sd.run("install", "--browser", "chromium", "--browser", "firefox", "--no-archive", "--no-verify").code());
    Path launcher = sd.sdHome.resolve("data/streamdoctor-host");
    Files.writeString(launcher, Files.readString(launcher).replaceFirst("exec '[^']*'", "exec '/opt/removed-jdk/bin/java'"));
    JarProcess.Result s = sd.run("status", "--browser", "firefox");
    assertEquals(10, s.code(), s.toString());
    assertTrue(s.out().contains("FAIL  firefox        Java missing: the launcher " + launcher + " starts /opt/removed-jdk/bin/java"), s.toString());

    Files.writeString(chromiumManifest(), Files.readString(chromiumManifest()).replace("ilgi/\"", "ilgi\""));
    s = sd.run("status", "--browser", "chromium");
    assertTrue(s.out().contains("FAIL  chromium       wrong origin: allowed_origins has"
        + " 'chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi' without the required trailing slash"), s.toString());
  }

  @Test
  void install_profileDir_statusForThatProfileOk() throws Exception {
    Path profile = base.resolve("chromium-profile");
    JarProcess.Result r = sd.run("install", "--browser", "chromium", "--profile-dir", profile.toString(), "--no-archive");
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.isRegularFile(profile.resolve("NativeMessagingHosts/io.streamdoctor.host.json")));
    JarProcess.Result s = sd.run("status", "--profile-dir", profile.toString());
    assertEquals(0, s.code(), s.toString());
    assertTrue(s.out().contains("OK    chromium (profile " + profile + ")"), s.toString());
  }

  @Test
  void status_asRootThroughSudo_warnsThatTheInstallIsForRoot() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assertEquals(0, sd.run("install", "--browser", "chromium", "--no-archive", "--no-verify").code());
    sd.env.put("SUDO_USER", "alice");
    JarProcess.Result s = sd.run("status");
    assertTrue(s.out().contains("NOTE  install        running as root through sudo (SUDO_USER=alice)"), s.toString());
  }

  @Test
  void install_withJdk25_aotCacheMadeAndHostStarts() throws Exception {
    Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    assumeTrue(Files.isExecutable(java25), "needs a JDK 25 at " + java25);
    JarProcess.Result r = sd.run("install", "--browser", "chromium", "--java", java25.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.size(sd.sdHome.resolve("data/streamdoctor.aot")) > 0, r.toString());
    String launcher = Files.readString(sd.sdHome.resolve("data/streamdoctor-host"));
    assertTrue(launcher.contains("-XX:AOTCache="), launcher);
    assertTrue(r.out().contains("OK    chromium       hello from host"), r.toString());
  }
}
