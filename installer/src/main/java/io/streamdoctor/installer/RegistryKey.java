package io.streamdoctor.installer;

/** One registry key, e.g. HKCU {@code Software\Google\Chrome\NativeMessagingHosts\io.streamdoctor.host}. */
public record RegistryKey(Registry.Hive hive, String path) {
  @Override
  public String toString() {
    return hive + "\\" + path;
  }

  /** The parent key, or null at the top. */
  public RegistryKey parent() {
    int i = path.lastIndexOf('\\');
    return i <= 0 ? null : new RegistryKey(hive, path.substring(0, i));
  }
}
