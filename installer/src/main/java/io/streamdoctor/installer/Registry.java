package io.streamdoctor.installer;

import java.io.IOException;
import java.util.Optional;

/**
 * The part of the Windows registry the installer needs: a key's default value. Chrome, Edge and
 * Firefox on Windows find a host through {@code HKCU|HKLM\Software\<vendor>\NativeMessagingHosts\<name>}
 * whose default value is the manifest's path. Tests use an in-memory fake.
 */
public interface Registry {
  enum Hive { HKCU, HKLM }

  boolean keyExists(Hive hive, String key);

  Optional<String> defaultValue(Hive hive, String key);

  /** Creates the key (and missing parents) and sets its default value. */
  void setDefaultValue(Hive hive, String key, String value) throws IOException;

  /** Deletes a key that has no subkeys; returns false when it did not exist. */
  boolean deleteKey(Hive hive, String key) throws IOException;

  /** On Linux and macOS there is no registry: every call is a programming error. */
  Registry NONE = new Registry() {
    @Override
    public boolean keyExists(Hive hive, String key) {
      return false;
    }

    @Override
    public Optional<String> defaultValue(Hive hive, String key) {
      return Optional.empty();
    }

    @Override
    public void setDefaultValue(Hive hive, String key, String value) throws IOException {
      throw new IOException("no registry on this platform");
    }

    @Override
    public boolean deleteKey(Hive hive, String key) {
      return false;
    }
  };
}
