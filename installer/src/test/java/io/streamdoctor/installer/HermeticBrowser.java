package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What keeps the browsers the Java tests start on this machine (docs/testing.md "A hermetic
 * suite"): an empty network namespace as root, and their background services off. The node
 * suites use the same lists (extension/test-support/quiet-browser.mjs).
 */
final class HermeticBrowser {
  private static final Path UNSHARE = Path.of("/usr/bin/unshare");

  /**
   * Chromium switches (chrome/common/chrome_switches.cc); the Google service names Chromium 156
   * still looked up with all of them resolve to "not found" inside the browser.
   */
  static final List<String> CHROMIUM_QUIET = List.of("--no-first-run", "--no-default-browser-check",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
      "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--metrics-recording-only",
      "--disable-breakpad", "--no-pings", "--disable-field-trial-config",
      "--host-resolver-rules=MAP accounts.google.com ~NOTFOUND, MAP clients1.google.com ~NOTFOUND, "
          + "MAP clients2.google.com ~NOTFOUND, MAP android.clients.google.com ~NOTFOUND, MAP www.google.com ~NOTFOUND, "
          + "MAP *.googleapis.com ~NOTFOUND, MAP *.gvt1.com ~NOTFOUND, MAP *.gvt2.com ~NOTFOUND, "
          + "MAP *.googleusercontent.com ~NOTFOUND");

  /** Firefox prefs (modules/libpref/init/StaticPrefList.yaml): every name is 127.0.0.1, services off. */
  static final Map<String, Object> FIREFOX_QUIET = Map.ofEntries(
      Map.entry("network.dns.native-is-localhost", true), Map.entry("network.trr.mode", 5),
      Map.entry("network.connectivity-service.enabled", false), Map.entry("network.captive-portal-service.enabled", false),
      Map.entry("network.dns.disablePrefetch", true), Map.entry("network.prefetch-next", false),
      Map.entry("browser.safebrowsing.malware.enabled", false), Map.entry("browser.safebrowsing.phishing.enabled", false),
      Map.entry("browser.safebrowsing.downloads.enabled", false), Map.entry("browser.safebrowsing.update.enabled", false),
      Map.entry("services.settings.server", "http://127.0.0.1:9/v1"), Map.entry("app.update.enabled", false),
      Map.entry("app.normandy.enabled", false), Map.entry("extensions.update.enabled", false),
      Map.entry("extensions.getAddons.cache.enabled", false), Map.entry("extensions.systemAddon.update.enabled", false),
      Map.entry("extensions.blocklist.enabled", false), Map.entry("browser.search.update", false),
      Map.entry("browser.region.update.enabled", false), Map.entry("geo.enabled", false),
      Map.entry("toolkit.telemetry.enabled", false), Map.entry("datareporting.healthreport.uploadEnabled", false),
      Map.entry("datareporting.policy.dataSubmissionEnabled", false), Map.entry("browser.newtabpage.enabled", false),
      Map.entry("media.gmp-manager.updateEnabled", false), Map.entry("media.eme.enabled", false),
      Map.entry("dom.push.enabled", false), Map.entry("browser.aboutwelcome.enabled", false));

  /** Environment for Firefox: a release build takes services.settings.server from prefs only with it. */
  static final Map<String, String> FIREFOX_ENV = Map.of("MOZ_REMOTE_SETTINGS_DEVTOOLS", "1");

  private HermeticBrowser() {}

  /** {@link #FIREFOX_QUIET} as user.js lines. */
  static String firefoxUserJs() {
    return FIREFOX_QUIET.entrySet().stream()
        .map(e -> "user_pref(\"" + e.getKey() + "\", "
            + (e.getValue() instanceof String v ? "\"" + v + "\"" : String.valueOf(e.getValue())) + ");\n")
        .collect(Collectors.joining());
  }

  /**
   * As root: {@code unshare --net --}, so the browser and the host it starts share a network
   * namespace with nothing in it (unshare(1)); native messaging is pipes, so the hop still works.
   * Otherwise (or where namespaces are not allowed) nothing: the switches and prefs are all there is.
   */
  static List<String> isolated() throws InterruptedException {
    if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(UNSHARE)) {
      return List.of();
    }
    try {
      Process probe = new ProcessBuilder(UNSHARE.toString(), "--net", "true").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      boolean ok = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
      return ok ? List.of(UNSHARE.toString(), "--net", "--") : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
