package io.streamdoctor.nativemsg;

/**
 * Per-field limits applied while binding an event, on both the fast and the reference path. The
 * timeline keeps up to 20,000 events under the launcher's {@code -Xmx48m}, so what one event may
 * hold is bounded by field, not only by the frame cap: real fields are codes, ids and sanitized
 * URLs well under these sizes (the extension cuts names at 100 characters; docs/protocol.md).
 */
final class FieldCaps {
  /** Characters in a string field other than {@code url}. */
  static final int MAX_STRING = 256;
  /** Characters in a {@code url} field, after {@link Sanitizer#url} (which cuts to this). */
  static final int MAX_URL = Sanitizer.MAX_URL;
  /** Items in a list field ({@code browser.extensions}). */
  static final int MAX_LIST = 1000;

  private FieldCaps() {}

  static int maxChars(String field) {
    return "url".equals(field) ? MAX_URL : MAX_STRING;
  }

  static boolean fitsInt(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }
}
