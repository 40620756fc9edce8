package io.streamdoctor.nativemsg;

import io.streamdoctor.evidence.CookieChanged;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.history.Privacy;
import java.util.Map;
import java.util.Set;

/**
 * Cookie names are chosen by the page: the extension reports any cookie of a chat site whose name
 * looks session-like, and a page script can set {@code session_<any text>}. Names outside each
 * site's known session cookies (the same lists as {@code sessionCookies} in
 * extension/src/common/sites.js; SessionCookiesTest keeps them equal) are replaced by
 * {@code :h<8 hex of SHA-256>} when the event is bound, before anything records, stores or echoes
 * them, so verdict text, history and reports carry a hash, never the page's words.
 */
final class SessionCookies {
  static final Map<String, Set<String>> KNOWN = Map.of(
      "chatgpt", Set.of("__Secure-next-auth.session-token", "__Secure-next-auth.session-token.0"),
      "claude", Set.of("sessionKey"),
      "gemini", Set.of("__Secure-1PSID", "__Secure-3PSID"),
      "copilot", Set.of("__Host-copilot-anon", "MUID"),
      "perplexity", Set.of("__Secure-next-auth.session-token"),
      "lab", Set.of("sd_lab_session"));

  private SessionCookies() {}

  static Evidence canonical(Evidence ev) {
    if (ev instanceof CookieChanged c && c.name() != null && !known(c.site(), c.name())) {
      return new CookieChanged(c.ts(), c.site(), hashed(c.name()), c.removed(), c.cause());
    }
    return ev;
  }

  private static boolean known(String site, String name) {
    return site != null && KNOWN.getOrDefault(site, Set.of()).contains(name);
  }

  /** Already a hash (the extension hashes too): kept, so both sides name a cookie the same way. */
  private static String hashed(String name) {
    return name.matches(":h[0-9a-f]{8}") ? name : ":h" + Privacy.hash8(name);
  }
}
