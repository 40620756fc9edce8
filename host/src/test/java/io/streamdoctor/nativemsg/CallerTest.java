package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.Ids;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {
  private static final String OURS = "chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/";

  @Test
  void parse_chromeOrigin_isChromeCaller() {
    Caller c = Caller.parse(List.of(OURS));
    assertEquals(Caller.Kind.CHROME, c.kind());
    assertEquals(OURS, c.id());
  }

  @Test
  void parse_windowsParentWindowFlag_isIgnored() {
    assertEquals(Caller.Kind.CHROME, Caller.parse(List.of(OURS, "--parent-window=1234")).kind());
  }

  @Test
  void parse_firefoxManifestAndAddonId_isFirefoxCaller() {
    Caller c = Caller.parse(List.of("/home/u/.mozilla/native-messaging-hosts/io.streamdoctor.host.json", Ids.FIREFOX_ADDON_ID));
    assertEquals(Caller.Kind.FIREFOX, c.kind());
    assertEquals(Ids.FIREFOX_ADDON_ID, c.id());
  }

  @Test
  void allows_builtInIds_true() {
    AllowedCallers none = new AllowedCallers(Set.of());
    assertTrue(none.allows(Caller.parse(List.of(OURS))));
    assertTrue(none.allows(new Caller(Caller.Kind.FIREFOX, Ids.FIREFOX_ADDON_ID)));
  }

  @Test
  void allows_unknownOrigin_false() {
    assertFalse(new AllowedCallers(Set.of()).allows(Caller.parse(List.of("chrome-extension://abcdefghijklmnopabcdefghijklmnop/"))));
  }

  @Test
  void allows_installerAddedId_trueOnlyWithTrailingSlash() {
    AllowedCallers extra = new AllowedCallers(Set.of("abcdefghijklmnopabcdefghijklmnop"));
    assertTrue(extra.allows(new Caller(Caller.Kind.CHROME, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/")));
    assertFalse(extra.allows(new Caller(Caller.Kind.CHROME, "chrome-extension://abcdefghijklmnopabcdefghijklmnop")));
  }

  @Test
  void isBrowserLaunch_plainSubcommand_false() {
    assertFalse(Caller.isBrowserLaunch(new String[] {"replay", "x.jsonl"}));
  }

  @Test
  void isBrowserLaunch_jsonFileArgumentOfSubcommand_false() {
    assertFalse(Caller.isBrowserLaunch(new String[] {"replay", "x.json", "--json"}));
    assertFalse(Caller.isBrowserLaunch(new String[] {"x.json", "--json"}));
  }
}
