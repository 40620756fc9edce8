package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamdoctor.Ids;
import io.streamdoctor.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ExtensionIdsTest {
  /** The fixed public key of extension/manifest.json, for checkouts where the manifest is absent. */
  private static final String KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtKch0E4HmQNNfeE82Y39/WbzYZ9YDQxn2HA07GB5D7MqKWILs/jBlJOvF28jSwSJiziajOmIomrk49fcPp5IjQ/kHed4YAWHvZ+UxTSpNxOnKee/3xtKmqfhQ4Q4rIID5+GtsLtpBOQInJDoeGg6ZxmngCLufFsiLAVadcWvDR8sO8sHPmr5+5wF1kFytmdWhylmcRt6ArqHzqMJXFs6JKNpFw7jbinnXZTNKxE2hv0Tb08Eu12YR5hwWtDWyrtlc2Iz3M/PlXuZyvXnq/Td5HMkEgrLyQy6oXRFil0nSIezhgwXQkEgjfYPLPcUiQfmO455J6Qe4ym8yLvqfAjTlwIDAQAB";

  @Test
  void chromeIdFromKey_manifestKey_matchesIds() throws Exception {
    Path manifest = Path.of("../extension/manifest.json");
    String key = KEY;
    if (Files.isRegularFile(manifest)) {
      key = Json.MAPPER.readTree(manifest.toFile()).path("key").asText();
    }
    assertEquals(Ids.CHROME_EXTENSION_ID, ExtensionIds.chromeIdFromKey(key));
  }

  @Test
  void normalize_originsAndIds_bareIds() {
    assertEquals("abcdefghijklmnopabcdefghijklmnop", ExtensionIds.normalize("chrome-extension://abcdefghijklmnopabcdefghijklmnop/"));
    assertEquals("x@y.org", ExtensionIds.normalize(" x@y.org "));
    assertEquals("{12345678-1234-1234-1234-123456789abc}", ExtensionIds.normalize("{12345678-1234-1234-1234-123456789abc}"));
    assertThrows(IllegalArgumentException.class, () -> ExtensionIds.normalize("abcdefghijklmnopabcdefghijklmnoz"));
    assertThrows(IllegalArgumentException.class, () -> ExtensionIds.normalize("*"));
  }
}
