package io.streamdoctor.platform;

/** A system proxy setting: source (env, gnome, kde, macos, windows), mode (none, manual, auto). */
public record ProxySetting(String source, String mode, boolean proxied) {
  public static ProxySetting none(String source) {
    return new ProxySetting(source, "none", false);
  }
}
