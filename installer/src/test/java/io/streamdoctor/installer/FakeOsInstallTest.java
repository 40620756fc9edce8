package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** macOS and Windows layouts, installed for real into a temporary root with a fake registry. */
@Timeout(30)
class FakeOsInstallTest {
  @TempDir Path root;
  @TempDir Path src;
  private final StringWriter log = new StringWriter();

  private Installer.Options options(List<Browser> browsers) throws Exception {
    Path jar = Files.writeString(src.resolve("streamdoctor.jar"), "jar");
    return new Installer.Options(browsers, null, List.of(), JavaRuntime.current(Os.current()), jar, null, false);
  }

  @Test
  void mac_detectedChromeAndFirefox_manifestsUnderLibraryAndUninstallLeavesNothing() throws Exception {
    Platform p = FakePlatforms.mac(root);
    Files.createDirectories(p.home().resolve("Library/Application Support/Google/Chrome"));
    Files.createDirectories(root.resolve("Applications/Firefox.app"));
    List<String> before = TreeSnapshot.of(root);
    Layout layout = Layout.of(p, Scope.USER);

    Receipt r = new Installer(layout, new PrintWriter(log, true)).install(options(List.of()));

    Path chrome = p.home().resolve("Library/Application Support/Google/Chrome/NativeMessagingHosts/io.streamdoctor.host.json");
    Path firefox = p.home().resolve("Library/Application Support/Mozilla/NativeMessagingHosts/io.streamdoctor.host.json");
    assertEquals(List.of("chrome", "firefox"), r.registrations().stream().map(Receipt.Entry::browser).toList());
    Path launcher = layout.appDir().resolve("streamdoctor-host");
    assertEquals(launcher.toString(), Json.MAPPER.readTree(chrome.toFile()).get("path").asText());
    assertTrue(Files.isExecutable(launcher));
    StatusChecker checker = new StatusChecker(p, null);
    for (Registration reg : r.toRegistrations()) {
      assertEquals(Optional.empty(), checker.staticProblem(reg));
    }
    assertTrue(Files.exists(firefox));

    assertEquals(0, new Uninstaller(layout, new PrintWriter(log, true)).uninstall(false));
    assertEquals(before, TreeSnapshot.of(root), log.toString());
  }

  @Test
  void windows_chromeBraveEdgeFirefox_registryPointsAtManifestsAndUninstallRestoresIt() throws Exception {
    FakeRegistry reg = new FakeRegistry();
    reg.setDefaultValue(Registry.Hive.HKCU, "Software\\Google\\Chrome", "");
    Map<String, String> seeded = Map.copyOf(reg.keys);
    Platform p = FakePlatforms.windows(root, reg);
    List<String> before = TreeSnapshot.of(root);
    Layout layout = Layout.of(p, Scope.USER);

    Receipt r = new Installer(layout, new PrintWriter(log, true))
        .install(options(List.of(Browser.CHROME, Browser.BRAVE, Browser.EDGE, Browser.FIREFOX)));

    Path app = p.home().resolve("AppData/Local/StreamDoctor");
    String chromeManifest = app.resolve("manifests/chromium/io.streamdoctor.host.json").toString();
    assertEquals(chromeManifest, reg.keys.get("HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\io.streamdoctor.host"));
    assertEquals(chromeManifest, reg.keys.get("HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\io.streamdoctor.host"));
    assertEquals(app.resolve("manifests/firefox/io.streamdoctor.host.json").toString(),
        reg.keys.get("HKCU\\Software\\Mozilla\\NativeMessagingHosts\\io.streamdoctor.host"));
    String bat = Files.readString(app.resolve("streamdoctor-host.bat"));
    assertTrue(bat.startsWith("@echo off\r\n"), bat);
    StatusChecker checker = new StatusChecker(p, null);
    for (Registration x : r.toRegistrations()) {
      assertEquals(Optional.empty(), checker.staticProblem(x), x.toString());
    }
    reg.keys.remove("HKCU\\Software\\Mozilla\\NativeMessagingHosts\\io.streamdoctor.host");
    Registration ff = r.toRegistrations().get(3);
    assertTrue(checker.staticProblem(ff).orElseThrow().startsWith("registry key missing: HKCU\\Software\\Mozilla"));

    assertEquals(0, new Uninstaller(layout, new PrintWriter(log, true)).uninstall(false));
    assertEquals(seeded, reg.keys);
    assertEquals(before, TreeSnapshot.of(root), log.toString());
  }

  @Test
  void windowsSystem_extraIds_refusedWithAReason() throws Exception {
    Platform p = FakePlatforms.windows(root, new FakeRegistry());
    Installer.Options o = options(List.of(Browser.CHROME));
    Installer.Options withIds = new Installer.Options(o.browsers(), null, List.of("x@y.org"), o.java(), o.jar(), null, false);
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> new Installer(Layout.of(p, Scope.SYSTEM), new PrintWriter(log, true)).install(withIds));
    assertTrue(e.getMessage().contains("without --system"), e.getMessage());
  }

  @Test
  void macStatus_envShebangLauncher_failsBecauseDockAppsHaveAMinimalPath() throws Exception {
    Platform p = FakePlatforms.mac(root);
    Layout layout = Layout.of(p, Scope.USER);
    Registration reg = new Installer(layout, new PrintWriter(log, true)).install(options(List.of(Browser.CHROME)))
        .toRegistrations().get(0);
    Files.writeString(layout.appDir().resolve("streamdoctor-host"), "#!/usr/bin/env java -jar x.jar\n");
    String problem = new StatusChecker(p, null).staticProblem(reg).orElseThrow();
    assertTrue(problem.contains("#!/usr/bin/env") && problem.contains("minimal PATH"), problem);
  }
}
