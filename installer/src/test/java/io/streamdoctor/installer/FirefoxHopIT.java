package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamdoctor.Ids;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Firefox ESR reaches the host after {@code install --browser firefox}: the manifest
 * in $HOME/.mozilla/native-messaging-hosts, Firefox's arguments (manifest path, add-on id). A tiny
 * unsigned add-on with our add-on id is side-loaded into the profile (ESR honours
 * xpinstall.signatures.required=false), waits for hello and answers with one event that the host
 * records.
 */
@Timeout(300)
@EnabledOnOs(OS.LINUX)
class FirefoxHopIT {
  private static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");

  @TempDir Path base;

  @Test
  void firefoxEsr_afterInstall_reachesTheHost() throws Exception {
    assumeTrue(Files.isExecutable(FIREFOX), "needs Debian's firefox-esr package");
    JarProcess sd = new JarProcess(base);
    JarProcess.Result install = sd.run("install", "--browser", "firefox", "--no-archive");
    assertEquals(0, install.code(), install.toString());

    Path profile = Files.createDirectories(base.resolve("profile/extensions"));
    writeAddon(profile.resolve(Ids.FIREFOX_ADDON_ID + ".xpi"), Map.of(
        "manifest.json", "{\"manifest_version\":3,\"name\":\"hop\",\"version\":\"1\",\"permissions\":[\"nativeMessaging\"],"
            + "\"background\":{\"scripts\":[\"bg.js\"]},\"browser_specific_settings\":{\"gecko\":{\"id\":\""
            + Ids.FIREFOX_ADDON_ID + "\"}}}",
        "bg.js", "const port = browser.runtime.connectNative('" + Ids.HOST_NAME + "');\n"
            + "port.onMessage.addListener((m) => { if (m.type === 'hello') port.postMessage("
            + "{v: 1, type: 'browser.connectivity', seq: 1, ts: Date.now(), online: true}); });\n"));
    Files.writeString(base.resolve("profile/user.js"), "user_pref(\"xpinstall.signatures.required\", false);\n"
        + "user_pref(\"extensions.autoDisableScopes\", 0);\nuser_pref(\"extensions.enabledScopes\", 15);\n"
        + HermeticBrowser.firefoxUserJs());
    Path recording = base.resolve("session.jsonl");

    List<String> cmd = new ArrayList<>(HermeticBrowser.isolated());
    cmd.addAll(List.of(FIREFOX.toString(), "--headless", "--no-remote", "--profile", base.resolve("profile").toString(), "about:blank"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(sd.env);
    pb.environment().putAll(HermeticBrowser.FIREFOX_ENV);
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("STREAMDOCTOR_RECORD", recording.toString());
    pb.redirectErrorStream(true).redirectOutput(base.resolve("firefox.log").toFile());
    Process firefox = pb.start();
    try {
      boolean seen = false;
      for (int i = 0; i < 900 && !seen; i++) {
        seen = Files.exists(recording) && Files.readString(recording).contains("browser.connectivity");
        if (!seen) {
          Thread.sleep(100);
        }
      }
      Path hostLog = sd.sdHome.resolve("logs/host-0.log");
      String log = Files.exists(hostLog) ? Files.readString(hostLog) : "";
      assertTrue(seen, "the host never recorded the add-on's event; host log: " + log);
      assertTrue(log.contains("host started for FIREFOX " + Ids.FIREFOX_ADDON_ID), log);
    } finally {
      firefox.descendants().forEach(ProcessHandle::destroy);
      firefox.destroy();
      if (!firefox.waitFor(10, TimeUnit.SECONDS)) {
        firefox.descendants().forEach(ProcessHandle::destroyForcibly);
        firefox.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void writeAddon(Path xpi, Map<String, String> files) throws Exception {
    try (OutputStream out = Files.newOutputStream(xpi); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }
}
