package io.streamdoctor;

import java.util.List;

/** Identities every component agrees on. */
public final class Ids {
  /** Native-messaging host name: the manifest's file name and {@code name}. */
  public static final String HOST_NAME = "io.streamdoctor.host";

  /**
   * Chrome-family id of our extension: derived from the fixed public key in
   * extension/manifest.json (sha256 of the DER key, first 32 hex digits mapped 0-f to a-p).
   * ExtensionIdsTest recomputes it from the manifest so the two cannot drift apart.
   */
  public static final String CHROME_EXTENSION_ID = "omagcholnfmppnbeobpckdaifhiiilgi";

  /** Firefox add-on id: browser_specific_settings.gecko.id of the Firefox build. */
  public static final String FIREFOX_ADDON_ID = "streamdoctor@streamdoctor.dev";

  public static final List<String> BUILT_IN_CHROME_ORIGINS =
      List.of("chrome-extension://" + CHROME_EXTENSION_ID + "/");

  private Ids() {}
}
