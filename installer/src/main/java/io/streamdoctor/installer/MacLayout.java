package io.streamdoctor.installer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** macOS: per-user manifests under ~/Library/Application Support, machine-wide under /Library. */
final class MacLayout extends Layout {
  MacLayout(Platform platform, Scope scope) {
    super(platform, scope);
  }

  private static String supportFolder(Browser b) {
    return switch (b) {
      case CHROME -> "Google/Chrome";
      case CHROME_BETA -> "Google/Chrome Beta";
      case CHROME_DEV -> "Google/Chrome Dev";
      case CHROME_CANARY -> "Google/Chrome Canary";
      case CHROMIUM -> "Chromium";
      case EDGE -> "Microsoft Edge";
      case BRAVE -> "BraveSoftware/Brave-Browser";
      case VIVALDI -> "Vivaldi";
      case OPERA -> "com.operasoftware.Opera";
      case FIREFOX -> "Mozilla";
      case LIBREWOLF -> "LibreWolf";
    };
  }

  private static String app(Browser b) {
    return switch (b) {
      case CHROME -> "Google Chrome.app";
      case CHROME_BETA -> "Google Chrome Beta.app";
      case CHROME_DEV -> "Google Chrome Dev.app";
      case CHROME_CANARY -> "Google Chrome Canary.app";
      case CHROMIUM -> "Chromium.app";
      case EDGE -> "Microsoft Edge.app";
      case BRAVE -> "Brave Browser.app";
      case VIVALDI -> "Vivaldi.app";
      case OPERA -> "Opera.app";
      case FIREFOX -> "Firefox.app";
      case LIBREWOLF -> "LibreWolf.app";
    };
  }

  private Path userSupport() {
    return platform.home().resolve("Library/Application Support");
  }

  @Override
  public Optional<Registration> registration(Browser b) {
    if (scope == Scope.USER) {
      Path dir = userSupport().resolve(supportFolder(b)).resolve("NativeMessagingHosts");
      return Optional.of(Registration.file(b, dir.resolve(MANIFEST_FILE)));
    }
    String dir = switch (b) {
      case CHROME, CHROME_BETA, CHROME_DEV, CHROME_CANARY -> "Library/Google/Chrome/NativeMessagingHosts";
      case CHROMIUM -> "Library/Application Support/Chromium/NativeMessagingHosts";
      case EDGE -> "Library/Microsoft/Edge/NativeMessagingHosts";
      case FIREFOX -> "Library/Application Support/Mozilla/NativeMessagingHosts";
      default -> null;
    };
    return Optional.ofNullable(dir).map(d -> Registration.file(b, platform.sys(d).resolve(MANIFEST_FILE)));
  }

  @Override
  protected List<Path> presenceHints(Browser b) {
    return List.of(platform.sys("Applications").resolve(app(b)),
        platform.home().resolve("Applications").resolve(app(b)),
        userSupport().resolve(supportFolder(b)));
  }

  @Override
  public Path appDir() {
    return scope == Scope.USER
        ? platform.appDirs().data()
        : platform.sys("Library/Application Support/StreamDoctor");
  }

  @Override
  public Path receiptFile() {
    return appDir().resolve("install-receipt.json");
  }
}
