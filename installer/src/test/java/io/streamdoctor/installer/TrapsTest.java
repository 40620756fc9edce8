package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class TrapsTest {
  @TempDir Path root;

  @Test
  void forBrowser_snapFirefox_pointsAtThePortal() throws Exception {
    Platform p = FakePlatforms.linux(root);
    Files.createDirectories(p.home().resolve("snap/firefox"));
    List<String> notes = new Traps(p, Scope.USER).forBrowser(Browser.FIREFOX);
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).contains("WebExtensions portal"), notes.get(0));
    assertTrue(new Traps(p, Scope.USER).forBrowser(Browser.CHROMIUM).isEmpty());
  }

  @Test
  void forBrowser_flatpakChromium_namesTheProxy() throws Exception {
    Platform p = FakePlatforms.linux(root);
    Files.createDirectories(root.resolve("var/lib/flatpak/app/org.chromium.Chromium"));
    List<String> notes = new Traps(p, Scope.USER).forBrowser(Browser.CHROMIUM);
    assertTrue(notes.get(0).contains("Flatpak (org.chromium.Chromium)") && notes.get(0).contains("xdg-native-messaging-proxy"), notes.toString());
  }

  @Test
  void forBrowser_enforcingApparmorProfile_isNamed() throws Exception {
    Platform p = FakePlatforms.linux(root);
    Path profiles = root.resolve("sys/kernel/security/apparmor/profiles");
    Files.createDirectories(profiles.getParent());
    Files.writeString(profiles, "firefox (complain)\nchromium (enforce)\n/usr/bin/man (enforce)\n");
    assertTrue(new Traps(p, Scope.USER).forBrowser(Browser.CHROMIUM).get(0).startsWith("AppArmor confines Chromium (profile 'chromium', enforce)"));
    assertTrue(new Traps(p, Scope.USER).forBrowser(Browser.FIREFOX).isEmpty(), "complain mode denies nothing");
  }

  @Test
  void general_rootThroughSudo_warns() {
    Platform base = FakePlatforms.linux(root);
    Map<String, String> env = new HashMap<>(base.env());
    env.put("SUDO_USER", "alice");
    Platform p = new Platform(Os.LINUX, root, base.home(), env, Registry.NONE, true);
    assertTrue(new Traps(p, Scope.USER).general(List.of()).get(0).contains("SUDO_USER=alice"));
    assertTrue(new Traps(p, Scope.SYSTEM).general(List.of()).isEmpty(), "--system is the right way to install as root");
  }

  @Test
  void forBrowser_onMac_noLinuxTraps() throws Exception {
    Platform p = FakePlatforms.mac(root);
    Files.createDirectories(p.home().resolve("snap/firefox"));
    assertTrue(new Traps(p, Scope.USER).forBrowser(Browser.FIREFOX).isEmpty());
  }
}
