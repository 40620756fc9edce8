package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * pack-extension.sh on a small fixture extension: the store zip keeps only runtime files and drops
 * the Chrome-only key; the .xpi has the Firefox manifest. With ADDONS_LINTER set (path to Mozilla's
 * addons-linter), the linter runs too and must report no errors.
 */
@Timeout(300)
@EnabledOnOs({OS.LINUX, OS.MAC})
class PackExtensionIT {
  @TempDir Path base;

  @Test
  void pack_fixtureExtension_storeZipAndXpiLayouts() throws Exception {
    assumeTrue(new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS), "needs node");
    Path ext = Files.createDirectories(base.resolve("extension"));
    Files.writeString(ext.resolve("manifest.json"), "{\"manifest_version\":3,\"name\":\"Fixture\",\"version\":\"1.2.3\","
        + "\"key\":\"MIIB\",\"minimum_chrome_version\":\"111\",\"permissions\":[\"nativeMessaging\"],"
        + "\"background\":{\"service_worker\":\"background/main.js\",\"type\":\"module\"}}");
    Files.createDirectories(ext.resolve("background"));
    Files.writeString(ext.resolve("background/main.js"), "chrome.runtime.connectNative('io.streamdoctor.host');\n");
    for (String dev : List.of("test/a.test.mjs", "node_modules/x/index.js", "tools/build.mjs")) {
      Files.createDirectories(ext.resolve(dev).getParent());
      Files.writeString(ext.resolve(dev), "//");
    }
    Files.writeString(ext.resolve("package.json"), "{}");
    Path out = base.resolve("out");
    List<String> cmd = new ArrayList<>(List.of("sh", Path.of("../installer/package/pack-extension.sh").toAbsolutePath().normalize().toString(),
        ext.toString(), out.toString()));
    if (System.getenv("ADDONS_LINTER") != null) {
      cmd.add("--lint");
    }
    Path log = base.resolve("pack.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "pack-extension.sh hung");
    assertEquals(0, p.exitValue(), Files.readString(log));

    try (ZipFile zip = new ZipFile(out.resolve("streamdoctor-chrome-1.2.3.zip").toFile())) {
      List<String> names = zip.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/")).sorted().toList();
      assertEquals(List.of("background/main.js", "manifest.json"), names.stream().map(n -> n.replaceFirst("^\\./", "")).toList());
      JsonNode m = Json.MAPPER.readTree(zip.getInputStream(zip.getEntry(names.get(1))));
      assertFalse(m.has("key"), "the Chrome Web Store rejects a manifest with a key");
    }
    try (ZipFile xpi = new ZipFile(out.resolve("streamdoctor-firefox-1.2.3.xpi").toFile())) {
      var entry = xpi.stream().filter(e -> e.getName().replaceFirst("^\\./", "").equals("manifest.json")).findFirst().orElseThrow();
      JsonNode m = Json.MAPPER.readTree(new String(xpi.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("streamdoctor@streamdoctor.dev", m.at("/browser_specific_settings/gecko/id").asText());
      assertEquals("background/main.js", m.at("/background/scripts/0").asText());
      assertFalse(m.has("key"));
    }
    if (System.getenv("ADDONS_LINTER") != null) {
      assertTrue(Files.readString(log).matches("(?s).*errors\\s+0\\s.*"), Files.readString(log));
    }
  }

  @Test
  void pack_extensionWithItsOwnFirefoxBuild_usesDistFirefox() throws Exception {
    assumeTrue(new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS), "needs node");
    Path ext = Files.createDirectories(base.resolve("extension2"));
    Files.writeString(ext.resolve("manifest.json"), "{\"manifest_version\":3,\"name\":\"F\",\"version\":\"2.0.0\"}");
    Files.createDirectories(ext.resolve("tools"));
    Files.writeString(ext.resolve("tools/build-firefox.mjs"), "import {mkdirSync, writeFileSync} from 'node:fs';\n"
        + "mkdirSync('dist/firefox', {recursive: true});\n"
        + "writeFileSync('dist/firefox/manifest.json', JSON.stringify({manifest_version: 3, name: 'F', version: '2.0.0',"
        + " browser_specific_settings: {gecko: {id: 'own-build@example.org'}}}));\n");
    Path out = base.resolve("out2");
    Process p = new ProcessBuilder("sh", Path.of("../installer/package/pack-extension.sh").toAbsolutePath().normalize().toString(),
        ext.toString(), out.toString()).redirectErrorStream(true).redirectOutput(base.resolve("pack2.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pack-extension.sh hung");
    assertEquals(0, p.exitValue(), Files.readString(base.resolve("pack2.log")));
    assertEquals("own-build@example.org", Json.MAPPER.readTree(out.resolve("firefox/manifest.json").toFile())
        .at("/browser_specific_settings/gecko/id").asText());
    assertTrue(Files.exists(out.resolve("streamdoctor-firefox-2.0.0.xpi")));
  }
}
