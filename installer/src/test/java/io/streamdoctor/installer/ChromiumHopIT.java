package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamdoctor.Ids;
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
 * A real headless Chromium with its own profile reaches the host after
 * {@code install --browser chromium --profile-dir DIR}. A minimal extension with our fixed key (so
 * our id) connects, waits for hello and answers with one event; the host records that event
 * (STREAMDOCTOR_RECORD), which proves the whole round trip.
 */
@Timeout(300)
@EnabledOnOs(OS.LINUX)
class ChromiumHopIT {
  private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  private static final String KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtKch0E4HmQNNfeE82Y39/WbzYZ9YDQxn2HA07GB5D7MqKWILs/jBlJOvF28jSwSJiziajOmIomrk49fcPp5IjQ/kHed4YAWHvZ+UxTSpNxOnKee/3xtKmqfhQ4Q4rIID5+GtsLtpBOQInJDoeGg6ZxmngCLufFsiLAVadcWvDR8sO8sHPmr5+5wF1kFytmdWhylmcRt6ArqHzqMJXFs6JKNpFw7jbinnXZTNKxE2hv0Tb08Eu12YR5hwWtDWyrtlc2Iz3M/PlXuZyvXnq/Td5HMkEgrLyQy6oXRFil0nSIezhgwXQkEgjfYPLPcUiQfmO455J6Qe4ym8yLvqfAjTlwIDAQAB";

  @TempDir Path base;

  @Test
  void chromiumWithProfile_afterProfileInstall_reachesTheHost() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium package");
    JarProcess sd = new JarProcess(base);
    Path profile = base.resolve("profile");
    JarProcess.Result install = sd.run("install", "--browser", "chromium", "--profile-dir", profile.toString(), "--no-archive");
    assertEquals(0, install.code(), install.toString());

    Path ext = Files.createDirectories(base.resolve("ext"));
    Files.writeString(ext.resolve("manifest.json"), "{\"manifest_version\":3,\"name\":\"hop\",\"version\":\"1\",\"key\":\"" + KEY
        + "\",\"permissions\":[\"nativeMessaging\"],\"background\":{\"service_worker\":\"bg.js\"}}");
    Files.writeString(ext.resolve("bg.js"), "const port = chrome.runtime.connectNative('" + Ids.HOST_NAME + "');\n"
        + "port.onMessage.addListener((m) => { if (m.type === 'hello') port.postMessage("
        + "{v: 1, type: 'browser.connectivity', seq: 1, ts: Date.now(), online: true}); });\n");
    Path recording = base.resolve("session.jsonl");

    List<String> cmd = new ArrayList<>(HermeticBrowser.isolated());
    cmd.addAll(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + profile, "--load-extension=" + ext, "--disable-extensions-except=" + ext));
    cmd.addAll(HermeticBrowser.CHROMIUM_QUIET);
    cmd.add("about:blank");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(sd.env);
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("STREAMDOCTOR_RECORD", recording.toString());
    pb.redirectErrorStream(true).redirectOutput(base.resolve("chromium.log").toFile());
    Process chromium = pb.start();
    try {
      boolean seen = false;
      for (int i = 0; i < 600 && !seen; i++) {
        seen = Files.exists(recording) && Files.readString(recording).contains("browser.connectivity");
        if (!seen) {
          Thread.sleep(100);
        }
      }
      assertTrue(seen, "the host never recorded the extension's event; host log: "
          + readOrEmpty(sd.sdHome.resolve("logs/host-0.log")) + "\nchromium log tail: " + tail(base.resolve("chromium.log")));
      assertTrue(readOrEmpty(sd.sdHome.resolve("logs/host-0.log")).contains("chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/"));
    } finally {
      chromium.descendants().forEach(ProcessHandle::destroy);
      chromium.destroy();
      if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String readOrEmpty(Path p) throws java.io.IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static String tail(Path p) throws java.io.IOException {
    List<String> lines = Files.exists(p) ? Files.readAllLines(p) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
