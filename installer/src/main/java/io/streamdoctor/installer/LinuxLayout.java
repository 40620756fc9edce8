package io.streamdoctor.installer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux: per-user manifests in each browser's config folder ({@code $XDG_CONFIG_HOME}, default
 * ~/.config, which Chromium honours) or ~/.mozilla, ~/.librewolf; machine-wide in /etc and
 * /usr/lib/mozilla.
 */
final class LinuxLayout extends Layout {
  LinuxLayout(Platform platform, Scope scope) {
    super(platform, scope);
  }

  private Path configHome() {
    String xdg = platform.env().get("XDG_CONFIG_HOME");
    // XDG Base Directory spec: relative values are invalid and ignored.
    return xdg != null && xdg.startsWith("/") ? Path.of(xdg) : platform.home().resolve(".config");
  }

  /** The browser's per-user folder that holds NativeMessagingHosts (or native-messaging-hosts). */
  Path userBrowserDir(Browser b) {
    Path c = configHome();
    return switch (b) {
      case CHROME -> c.resolve("google-chrome");
      case CHROME_BETA -> c.resolve("google-chrome-beta");
      case CHROME_DEV -> c.resolve("google-chrome-unstable");
      case CHROME_CANARY -> c.resolve("google-chrome-canary");
      case CHROMIUM -> c.resolve("chromium");
      case EDGE -> c.resolve("microsoft-edge");
      case BRAVE -> c.resolve("BraveSoftware/Brave-Browser");
      case VIVALDI -> c.resolve("vivaldi");
      case OPERA -> c.resolve("opera");
      case FIREFOX -> platform.home().resolve(".mozilla");
      case LIBREWOLF -> platform.home().resolve(".librewolf");
    };
  }

  @Override
  public Optional<Registration> registration(Browser b) {
    if (scope == Scope.USER) {
      String sub = b.family() == Browser.Family.FIREFOX ? "native-messaging-hosts" : "NativeMessagingHosts";
      return Optional.of(Registration.file(b, userBrowserDir(b).resolve(sub).resolve(MANIFEST_FILE)));
    }
    String dir = switch (b) {
      // Every Google Chrome channel reads the same machine-wide folder.
      case CHROME, CHROME_BETA, CHROME_DEV, CHROME_CANARY -> "etc/opt/chrome/native-messaging-hosts";
      case CHROMIUM -> "etc/chromium/native-messaging-hosts";
      case EDGE -> "etc/opt/edge/native-messaging-hosts";
      case FIREFOX -> "usr/lib/mozilla/native-messaging-hosts";
      default -> null;
    };
    return Optional.ofNullable(dir).map(d -> Registration.file(b, platform.sys(d).resolve(MANIFEST_FILE)));
  }

  @Override
  protected List<Path> presenceHints(Browser b) {
    List<Path> hints = new ArrayList<>(onPath(b.executables()));
    if (scope == Scope.USER) {
      hints.add(userBrowserDir(b));
    }
    if (b == Browser.CHROME) {
      hints.add(platform.sys("opt/google/chrome/chrome"));
    }
    return hints;
  }

  @Override
  public Path appDir() {
    return scope == Scope.USER ? platform.appDirs().data() : platform.sys("usr/local/lib/streamdoctor");
  }

  @Override
  public Path receiptFile() {
    return scope == Scope.USER
        ? platform.appDirs().data().resolve("install-receipt.json")
        : platform.sys("var/lib/streamdoctor/install-receipt.json");
  }
}
