package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamdoctor.evidence.CookieChanged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {
  @Test
  void canonical_knownName_keptAndPageChosenName_hashed() throws Exception {
    CookieChanged known = (CookieChanged) SessionCookies.canonical(
        new CookieChanged(1, "claude", "sessionKey", true, "explicit"));
    assertEquals("sessionKey", known.name());
    CookieChanged odd = (CookieChanged) SessionCookies.canonical(
        new CookieChanged(1, "claude", "session_[click](https://evil.example)", true, "explicit"));
    assertEquals(true, odd.name().matches(":h[0-9a-f]{8}"), odd.name());
    assertEquals(odd.name(), ((CookieChanged) SessionCookies.canonical(odd)).name(), "a hash stays that hash");
    CookieChanged elsewhere = (CookieChanged) SessionCookies.canonical(
        new CookieChanged(1, "claude", "MUID", true, "explicit"));
    assertEquals(true, elsewhere.name().startsWith(":h"), "known per site, not across sites");
  }

  /** The host's lists are the extension's: a name the worker reports by name must not be hashed here. */
  @Test
  void known_sameListsAsTheExtensionsSiteTable() throws Exception {
    String js = Files.readString(Path.of(System.getProperty("streamdoctor.extension", "../extension"),
        "src/common/sites.js"));
    Map<String, Set<String>> fromJs = new HashMap<>();
    Matcher m = Pattern.compile("id: '([a-z]+)',\\s*(?:name: '[^']*',\\s*)?hosts:[\\s\\S]*?sessionCookies: \\[([^\\]]*)\\]").matcher(js);
    while (m.find()) {
      Set<String> names = new LinkedHashSet<>();
      Matcher n = Pattern.compile("'([^']+)'").matcher(m.group(2));
      while (n.find()) {
        names.add(n.group(1));
      }
      if (!names.isEmpty()) {
        fromJs.put(m.group(1), names);
      }
    }
    assertEquals(SessionCookies.KNOWN, fromJs);
  }
}
