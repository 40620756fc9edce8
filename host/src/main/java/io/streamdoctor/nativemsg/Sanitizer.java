package io.streamdoctor.nativemsg;

/**
 * The host's own check of the privacy rule for URLs: the extension already sends origin + path
 * with id-like segments hashed; whatever query, fragment or credentials still arrive are dropped
 * here, before anything is stored, recorded or echoed back.
 */
public final class Sanitizer {
  /**
   * Longest URL kept (origin + path). Real stream URLs are under 200 characters; the timeline
   * holds 20,000 events, so this bounds what page-chosen paths can take of the heap.
   */
  public static final int MAX_URL = 512;

  private Sanitizer() {}

  public static String url(String url) {
    if (url == null) {
      return null;
    }
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String s = url.substring(0, cut);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      int authorityEnd = s.indexOf('/', scheme + 3);
      String authority = authorityEnd < 0 ? s.substring(scheme + 3) : s.substring(scheme + 3, authorityEnd);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        s = s.substring(0, scheme + 3) + authority.substring(at + 1) + (authorityEnd < 0 ? "" : s.substring(authorityEnd));
      }
    }
    return s.length() > MAX_URL ? s.substring(0, MAX_URL) : s;
  }
}
