package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HostManifestTest {
  private static final Path HOST = Path.of("/opt/sd/streamdoctor-host");

  @Test
  void render_chromeFamily_exactOriginsWithTrailingSlashAndNoBom() throws Exception {
    byte[] b = HostManifest.render(Browser.Family.CHROMIUM, HOST, List.of("abcdefghijklmnopabcdefghijklmnop", "x@y.org"));
    assertNotEquals((byte) 0xEF, b[0]);
    var m = Json.MAPPER.readTree(b);
    assertEquals("io.streamdoctor.host", m.get("name").asText());
    assertEquals("stdio", m.get("type").asText());
    assertEquals(HOST.toString(), m.get("path").asText());
    assertEquals("[\"chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi/\",\"chrome-extension://abcdefghijklmnopabcdefghijklmnop/\"]",
        m.get("allowed_origins").toString());
    assertTrue(HostManifest.check(b, Browser.Family.CHROMIUM, Os.LINUX).ok());
  }

  @Test
  void render_firefox_listsAddonIds() throws Exception {
    byte[] b = HostManifest.render(Browser.Family.FIREFOX, HOST, List.of("abcdefghijklmnopabcdefghijklmnop", "x@y.org"));
    assertEquals("[\"streamdoctor@streamdoctor.dev\",\"x@y.org\"]", Json.MAPPER.readTree(b).get("allowed_extensions").toString());
    assertTrue(HostManifest.check(b, Browser.Family.FIREFOX, Os.LINUX).ok());
  }

  @Test
  void check_originWithoutTrailingSlash_saysSo() {
    String m = "{\"name\":\"io.streamdoctor.host\",\"path\":\"/x\",\"type\":\"stdio\","
        + "\"allowed_origins\":[\"chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi\"]}";
    var c = HostManifest.check(m.getBytes(StandardCharsets.UTF_8), Browser.Family.CHROMIUM, Os.LINUX);
    assertEquals(1, c.problems().size());
    assertTrue(c.problems().get(0).contains("without the required trailing slash"), c.problems().toString());
  }

  @Test
  void check_bomRelativePathWrongName_allReported() {
    String m = "\uFEFF{\"name\":\"other\",\"path\":\"host.sh\",\"type\":\"stdio\",\"allowed_extensions\":[\"streamdoctor@streamdoctor.dev\"]}";
    var c = HostManifest.check(m.getBytes(StandardCharsets.UTF_8), Browser.Family.FIREFOX, Os.LINUX);
    assertEquals(3, c.problems().size(), c.problems().toString());
    assertTrue(c.problems().get(0).contains("byte-order mark"));
  }

  @Test
  void check_firefoxManifestForChrome_reportsMissingOrigins() {
    byte[] ff = HostManifest.render(Browser.Family.FIREFOX, HOST, List.of());
    var c = HostManifest.check(ff, Browser.Family.CHROMIUM, Os.LINUX);
    assertFalse(c.ok());
    assertTrue(c.problems().get(0).startsWith("allowed_origins is missing"));
  }

  @Test
  void check_notJson_reportsInvalidJson() {
    var c = HostManifest.check("{name:".getBytes(StandardCharsets.UTF_8), Browser.Family.CHROMIUM, Os.LINUX);
    assertTrue(c.problems().get(0).startsWith("manifest is not valid JSON"));
  }

  @Test
  void check_windowsRelativePath_isAccepted() {
    String m = "{\"name\":\"io.streamdoctor.host\",\"path\":\"streamdoctor-host.bat\",\"type\":\"stdio\","
        + "\"allowed_origins\":[\"chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi/\"]}";
    assertTrue(HostManifest.check(m.getBytes(StandardCharsets.UTF_8), Browser.Family.CHROMIUM, Os.WINDOWS).ok());
  }
}
