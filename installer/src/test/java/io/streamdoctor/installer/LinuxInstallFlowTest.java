package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Idempotence, upgrades and the static status checks, on a Linux layout in a temporary root. */
@Timeout(30)
@DisabledOnOs(OS.WINDOWS)
class LinuxInstallFlowTest {
  @TempDir Path root;
  @TempDir Path src;
  private final StringWriter log = new StringWriter();
  private Platform platform;
  private Layout layout;
  private Installer.Options options;

  @BeforeEach
  void setUp() throws Exception {
    platform = FakePlatforms.linux(root);
    layout = Layout.of(platform, Scope.USER);
    Path jar = Files.writeString(src.resolve("streamdoctor.jar"), "jar v2");
    options = new Installer.Options(List.of(Browser.CHROMIUM), null, List.of(), JavaRuntime.current(Os.LINUX), jar, null, false);
  }

  private Receipt install() throws Exception {
    return new Installer(layout, new PrintWriter(log, true)).install(options);
  }

  @Test
  void install_twice_sameReceiptAndUninstallTwiceLeavesNothing() throws Exception {
    List<String> before = TreeSnapshot.of(root);
    Receipt first = install();
    List<String> after = TreeSnapshot.of(root);
    Receipt second = install();
    assertEquals(first, second);
    assertEquals(after, TreeSnapshot.of(root));
    Uninstaller u = new Uninstaller(layout, new PrintWriter(log, true));
    assertEquals(0, u.uninstall(false));
    assertEquals(0, u.uninstall(false));
    assertEquals(before, TreeSnapshot.of(root), log.toString());
  }

  @Test
  void install_overOlderVersion_removesStaleFilesAndRepointsManifests() throws Exception {
    Path app = layout.appDir();
    Files.createDirectories(app);
    Path oldJar = Files.writeString(app.resolve("streamdoctor-0.0.9.jar"), "old");
    Path firefox = platform.home().resolve(".mozilla/native-messaging-hosts/io.streamdoctor.host.json");
    Files.createDirectories(firefox.getParent());
    Files.write(firefox, HostManifest.render(Browser.Family.FIREFOX, app.resolve("old-launcher"), List.of()));
    new Receipt("0.0.9", "user", app.resolve("old-launcher").toString(), List.of(oldJar.toString(), firefox.toString()),
        List.of(app.toString(), firefox.getParent().toString(), firefox.getParent().getParent().toString()), List.of(),
        List.of(new Receipt.Entry("firefox", firefox.toString(), null, null))).write(layout.receiptFile());

    Receipt r = install();

    assertFalse(Files.exists(oldJar), log.toString());
    assertEquals(app.resolve("streamdoctor-host").toString(), Json.MAPPER.readTree(firefox.toFile()).get("path").asText());
    assertEquals(List.of("chromium", "firefox"), r.registrations().stream().map(Receipt.Entry::browser).toList());
    assertTrue(r.dirs().contains(firefox.getParent().toString()), "dirs created by the old install stay owned");
    new Uninstaller(layout, new PrintWriter(log, true)).uninstall(false);
    assertFalse(Files.exists(platform.home().resolve(".mozilla")), log.toString());
  }

  @Test
  void install_extraIds_allowListAndManifestsAndKeptOnReinstall() throws Exception {
    String id = "abcdefghijklmnopabcdefghijklmnop";
    new Installer(layout, new PrintWriter(log, true)).install(new Installer.Options(options.browsers(), null,
        List.of(id), options.java(), options.jar(), null, false));
    install();
    Path allowed = platform.appDirs().config().resolve("allowed-extensions.txt");
    assertTrue(Files.readAllLines(allowed).contains(id));
    Path m = platform.home().resolve(".config/chromium/NativeMessagingHosts/io.streamdoctor.host.json");
    assertTrue(Files.readString(m).contains("chrome-extension://" + id + "/"));
  }

  @Test
  void staticProblem_brokenLinks_eachNamedExactly() throws Exception {
    Registration reg = install().toRegistrations().get(0);
    StatusChecker c = new StatusChecker(platform, null);
    Path launcher = layout.appDir().resolve("streamdoctor-host");
    assertTrue(c.staticProblem(reg).isEmpty());

    Files.writeString(launcher, Files.readString(launcher).replaceFirst("exec '[^']*'", "exec '/gone/bin/java'"));
    assertTrue(c.staticProblem(reg).orElseThrow().startsWith("Java missing: the launcher"));

    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rw-r--r--"));
    assertTrue(c.staticProblem(reg).orElseThrow().startsWith("path not executable: " + launcher));

    Files.delete(launcher);
    assertTrue(c.staticProblem(reg).orElseThrow().startsWith("path not found"));

    Files.writeString(reg.manifest(), "\uFEFF{}");
    assertTrue(c.staticProblem(reg).orElseThrow().contains("byte-order mark"));

    Files.delete(reg.manifest());
    assertEquals("manifest missing: " + reg.manifest(), c.staticProblem(reg).orElseThrow());
  }

  @Test
  void install_profileDir_writesIntoThatProfileOnly() throws Exception {
    Path profile = root.resolve("chromium-profile");
    Receipt r = new Installer(layout, new PrintWriter(log, true)).install(new Installer.Options(List.of(), profile,
        List.of(), options.java(), options.jar(), null, false));
    assertEquals(profile.resolve("NativeMessagingHosts/io.streamdoctor.host.json").toString(), r.registrations().get(0).manifest());
    assertEquals(1, r.registrations().size());
    assertFalse(Files.exists(platform.home().resolve(".config/chromium")));
  }

  @Test
  void systemInstall_jarCopy_etcManifestsAndReceiptInVarLibThenNothingLeft() throws Exception {
    List<String> before = TreeSnapshot.of(root);
    Layout sys = Layout.of(platform, Scope.SYSTEM);
    Receipt r = new Installer(sys, new PrintWriter(log, true)).install(new Installer.Options(
        List.of(Browser.CHROMIUM, Browser.FIREFOX, Browser.BRAVE), null, List.of(), options.java(), options.jar(), null, false));
    assertEquals(root.resolve("usr/local/lib/streamdoctor/streamdoctor-host").toString(), r.host());
    assertTrue(Files.isRegularFile(root.resolve("etc/chromium/native-messaging-hosts/io.streamdoctor.host.json")));
    assertTrue(Files.isRegularFile(root.resolve("usr/lib/mozilla/native-messaging-hosts/io.streamdoctor.host.json")));
    assertTrue(Files.isRegularFile(root.resolve("var/lib/streamdoctor/install-receipt.json")));
    assertTrue(log.toString().contains("skipped brave: no machine-wide location"), log.toString());
    assertEquals(0, new Uninstaller(sys, new PrintWriter(log, true)).uninstall(true));
    assertEquals(before, TreeSnapshot.of(root), log.toString());
  }
}
