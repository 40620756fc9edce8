package io.streamdoctor.installer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Extension ids: a Chrome id is 32 letters a-p, derived from the extension's public key (SHA-256
 * of the DER key, first 32 hex digits, each digit 0-f mapped to a-p). Firefox ids are either
 * email-like ({@code name@domain}) or a GUID in braces.
 */
public final class ExtensionIds {
  private static final Pattern CHROME = Pattern.compile("[a-p]{32}");
  private static final Pattern FIREFOX =
      Pattern.compile("[A-Za-z0-9._+-]*@[A-Za-z0-9._-]+|\\{[0-9a-fA-F-]{36}\\}");

  private ExtensionIds() {}

  public static boolean isChromeId(String id) {
    return CHROME.matcher(id).matches();
  }

  public static boolean isFirefoxId(String id) {
    return FIREFOX.matcher(id).matches();
  }

  /** Accepts a bare id or a chrome-extension://ID/ origin and returns the bare id. */
  public static String normalize(String raw) {
    String s = raw.strip();
    if (s.startsWith("chrome-extension://")) {
      s = s.substring("chrome-extension://".length());
      s = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
    if (!isChromeId(s) && !isFirefoxId(s)) {
      throw new IllegalArgumentException("'" + raw + "' is neither a Chrome extension id (32 letters a-p)"
          + " nor a Firefox add-on id (name@domain or {GUID})");
    }
    return s;
  }

  /** The Chrome id of an extension whose manifest {@code key} is this base64 DER public key. */
  public static String chromeIdFromKey(String base64Key) {
    try {
      byte[] der = Base64.getDecoder().decode(base64Key.strip());
      byte[] h = MessageDigest.getInstance("SHA-256").digest(der);
      StringBuilder id = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        id.append((char) ('a' + ((h[i] >> 4) & 0xf))).append((char) ('a' + (h[i] & 0xf)));
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
