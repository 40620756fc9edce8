package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LayoutTest {
  @TempDir Path root;

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private String userManifest(Platform p, Browser b) {
    return rel(root, Layout.of(p, Scope.USER).registration(b).orElseThrow().manifest());
  }

  @Test
  void linuxUser_eachBrowser_usesItsConfigFolder() {
    Platform p = FakePlatforms.linux(root);
    assertEquals("home/u/.config/google-chrome/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.CHROME));
    assertEquals("home/u/.config/google-chrome-beta/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.CHROME_BETA));
    assertEquals("home/u/.config/chromium/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.CHROMIUM));
    assertEquals("home/u/.config/microsoft-edge/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.EDGE));
    assertEquals("home/u/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.BRAVE));
    assertEquals("home/u/.config/vivaldi/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.VIVALDI));
    assertEquals("home/u/.mozilla/native-messaging-hosts/io.streamdoctor.host.json", userManifest(p, Browser.FIREFOX));
    assertEquals("home/u/.librewolf/native-messaging-hosts/io.streamdoctor.host.json", userManifest(p, Browser.LIBREWOLF));
  }

  @Test
  void linuxUser_xdgConfigHomeSet_chromeFamilyFollowsIt() {
    Platform base = FakePlatforms.linux(root);
    java.util.Map<String, String> env = new java.util.HashMap<>(base.env());
    env.put("XDG_CONFIG_HOME", root.resolve("cfg").toString());
    Platform p = new Platform(Os.LINUX, root, base.home(), env, Registry.NONE, false);
    assertEquals("cfg/chromium/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.CHROMIUM));
    assertEquals("home/u/.mozilla/native-messaging-hosts/io.streamdoctor.host.json", userManifest(p, Browser.FIREFOX));
  }

  @Test
  void linuxSystem_knownBrowsers_useEtcAndUsrLib() {
    Layout l = Layout.of(FakePlatforms.linux(root), Scope.SYSTEM);
    assertEquals("etc/chromium/native-messaging-hosts/io.streamdoctor.host.json", rel(root, l.registration(Browser.CHROMIUM).orElseThrow().manifest()));
    assertEquals("etc/opt/chrome/native-messaging-hosts/io.streamdoctor.host.json", rel(root, l.registration(Browser.CHROME).orElseThrow().manifest()));
    assertEquals("usr/lib/mozilla/native-messaging-hosts/io.streamdoctor.host.json", rel(root, l.registration(Browser.FIREFOX).orElseThrow().manifest()));
    assertTrue(l.registration(Browser.BRAVE).isEmpty());
    assertEquals("var/lib/streamdoctor/install-receipt.json", rel(root, l.receiptFile()));
  }

  @Test
  void mac_userAndSystem_useLibraryFolders() {
    Platform p = FakePlatforms.mac(root);
    assertEquals("Users/u/Library/Application Support/Google/Chrome Canary/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.CHROME_CANARY));
    assertEquals("Users/u/Library/Application Support/Mozilla/NativeMessagingHosts/io.streamdoctor.host.json", userManifest(p, Browser.FIREFOX));
    Layout sys = Layout.of(p, Scope.SYSTEM);
    assertEquals("Library/Google/Chrome/NativeMessagingHosts/io.streamdoctor.host.json", rel(root, sys.registration(Browser.CHROME).orElseThrow().manifest()));
    assertEquals("Users/u/Library/Application Support/StreamDoctor", rel(root, Layout.of(p, Scope.USER).appDir()));
  }

  @Test
  void windows_braveAndVivaldi_shareChromesRegistryKey() {
    Layout l = Layout.of(FakePlatforms.windows(root, new FakeRegistry()), Scope.USER);
    RegistryKey chrome = l.registration(Browser.CHROME).orElseThrow().registryKey();
    assertEquals("HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\io.streamdoctor.host", chrome.toString());
    assertEquals(chrome, l.registration(Browser.BRAVE).orElseThrow().registryKey());
    assertEquals(chrome, l.registration(Browser.VIVALDI).orElseThrow().registryKey());
    assertEquals("HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\io.streamdoctor.host",
        l.registration(Browser.EDGE).orElseThrow().registryKey().toString());
    assertEquals("HKCU\\Software\\Mozilla\\NativeMessagingHosts\\io.streamdoctor.host",
        l.registration(Browser.FIREFOX).orElseThrow().registryKey().toString());
    Layout sys = Layout.of(FakePlatforms.windows(root, new FakeRegistry()), Scope.SYSTEM);
    assertEquals(Registry.Hive.HKLM, sys.registration(Browser.CHROMIUM).orElseThrow().registryKey().hive());
  }

  @Test
  void profileRegistration_chromium_writesIntoUserDataDir() {
    Layout l = Layout.of(FakePlatforms.linux(root), Scope.USER);
    Registration r = l.profileRegistration(Browser.CHROMIUM, root.resolve("prof"));
    assertEquals(root.resolve("prof/NativeMessagingHosts/io.streamdoctor.host.json"), r.manifest());
    assertNull(r.registryKey());
    assertThrows(IllegalArgumentException.class, () -> l.profileRegistration(Browser.FIREFOX, root));
  }

  @Test
  void detect_configFolderOrProgramOnPath_marksBrowserPresent() throws Exception {
    Platform p = FakePlatforms.linux(root);
    Files.createDirectories(p.home().resolve(".config/vivaldi"));
    Files.createDirectories(root.resolve("usr/bin"));
    Files.createFile(root.resolve("usr/bin/firefox-esr"));
    assertEquals(List.of(Browser.VIVALDI, Browser.FIREFOX), Layout.of(p, Scope.USER).detect());
  }
}
