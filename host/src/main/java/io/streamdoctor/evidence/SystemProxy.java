package io.streamdoctor.evidence;

/**
 * The operating system's proxy setting. {@code source}: env, gnome, kde, macos, windows;
 * {@code mode}: none, manual, auto (PAC file), auto_detect (WPAD only); {@code proxied}: whether web traffic goes through a
 * proxy by this setting. No host names or credentials.
 */
public record SystemProxy(double ts, String source, String mode, boolean proxied) implements Evidence {
  @Override
  public SystemProxy withTs(double t) {
    return new SystemProxy(t, source, mode, proxied);
  }
}
