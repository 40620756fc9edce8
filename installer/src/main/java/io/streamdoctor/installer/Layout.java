package io.streamdoctor.installer;

import io.streamdoctor.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where things go on one platform for one scope: the browsers' manifest locations (see
 * docs/install.md for the table and its sources), our application folder and the install receipt.
 */
public abstract class Layout {
  public static final String MANIFEST_FILE = Ids.HOST_NAME + ".json";

  protected final Platform platform;
  protected final Scope scope;

  protected Layout(Platform platform, Scope scope) {
    this.platform = platform;
    this.scope = scope;
  }

  public static Layout of(Platform platform, Scope scope) {
    return switch (platform.os()) {
      case LINUX -> new LinuxLayout(platform, scope);
      case MAC -> new MacLayout(platform, scope);
      case WINDOWS -> new WindowsLayout(platform, scope);
    };
  }

  public Platform platform() {
    return platform;
  }

  public Scope scope() {
    return scope;
  }

  /** The browser's own location for this scope, or empty when it has none we know of. */
  public abstract Optional<Registration> registration(Browser b);

  /** Folders or programs whose existence shows that the browser is installed or has been used. */
  protected abstract List<Path> presenceHints(Browser b);

  /** Where the jar, the launcher and the class-data archive live: stable, never a build folder. */
  public abstract Path appDir();

  public abstract Path receiptFile();

  /**
   * A Chromium-family browser started with {@code --user-data-dir=DIR} reads
   * {@code DIR/NativeMessagingHosts/} (verified with Chromium 156, docs/install.md) instead of its
   * default per-user folder.
   */
  public Registration profileRegistration(Browser b, Path profileDir) {
    if (b.family() != Browser.Family.CHROMIUM) {
      throw new IllegalArgumentException(
          "--profile-dir works for Chromium-family browsers only; " + b.id() + " is not one");
    }
    Path dir = profileDir.toAbsolutePath().normalize();
    return new Registration(b, dir.resolve("NativeMessagingHosts").resolve(MANIFEST_FILE), null, dir);
  }

  public boolean isPresent(Browser b) {
    return presenceHints(b).stream().anyMatch(Files::exists);
  }

  /** Present browsers in enum order. */
  public List<Browser> detect() {
    return java.util.Arrays.stream(Browser.values()).filter(this::isPresent).toList();
  }

  /** Programs on PATH (and Snap's bin folder) for Linux-style detection. */
  protected List<Path> onPath(List<String> names) {
    String path = platform.env("PATH", "/usr/local/bin:/usr/bin:/bin");
    List<Path> dirs = new java.util.ArrayList<>();
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (!d.isBlank() && Path.of(d).isAbsolute()) {
        dirs.add(Path.of(d));
      }
    }
    dirs.add(platform.sys("snap/bin"));
    return dirs.stream().flatMap(d -> names.stream().map(d::resolve)).toList();
  }
}
