package io.streamdoctor.installer;

import java.nio.file.Path;

/**
 * Where one browser looks for our host: a manifest file, and on Windows the registry key whose
 * default value points at it. {@code profileDir} is set when the registration targets one
 * Chromium profile started with {@code --user-data-dir=DIR} (manifest in DIR/NativeMessagingHosts).
 */
public record Registration(Browser browser, Path manifest, RegistryKey registryKey, Path profileDir) {
  public Registration {
    if (!manifest.isAbsolute()) {
      throw new IllegalArgumentException("manifest path must be absolute: " + manifest);
    }
  }

  public static Registration file(Browser b, Path manifest) {
    return new Registration(b, manifest, null, null);
  }

  public String label() {
    return profileDir == null ? browser.id() : browser.id() + " (profile " + profileDir + ")";
  }
}
