package io.streamdoctor.installer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Windows: the browser finds the manifest through a registry key (HKCU per user, HKLM machine-wide)
 * whose default value is the manifest's path; the manifests themselves live in our own folder,
 * one per browser family. Brave, Vivaldi, Opera and every Chrome channel read Chrome's key.
 */
final class WindowsLayout extends Layout {
  WindowsLayout(Platform platform, Scope scope) {
    super(platform, scope);
  }

  static String vendorKey(Browser b) {
    return switch (b) {
      case CHROME, CHROME_BETA, CHROME_DEV, CHROME_CANARY, BRAVE, VIVALDI, OPERA -> "Software\\Google\\Chrome";
      case CHROMIUM -> "Software\\Chromium";
      case EDGE -> "Software\\Microsoft\\Edge";
      case FIREFOX -> "Software\\Mozilla";
      case LIBREWOLF -> "Software\\LibreWolf";
    };
  }

  @Override
  public Optional<Registration> registration(Browser b) {
    Registry.Hive hive = scope == Scope.USER ? Registry.Hive.HKCU : Registry.Hive.HKLM;
    RegistryKey key = new RegistryKey(hive, vendorKey(b) + "\\NativeMessagingHosts\\" + io.streamdoctor.Ids.HOST_NAME);
    String family = b.family() == Browser.Family.FIREFOX ? "firefox" : "chromium";
    Path manifest = appDir().resolve("manifests").resolve(family).resolve(MANIFEST_FILE);
    return Optional.of(new Registration(b, manifest, key, null));
  }

  @Override
  protected List<Path> presenceHints(Browser b) {
    Path local = Path.of(platform.env("LOCALAPPDATA", platform.home().resolve("AppData/Local").toString()));
    Path roaming = Path.of(platform.env("APPDATA", platform.home().resolve("AppData/Roaming").toString()));
    return switch (b) {
      case CHROME -> List.of(local.resolve("Google/Chrome/User Data"));
      case CHROME_BETA -> List.of(local.resolve("Google/Chrome Beta/User Data"));
      case CHROME_DEV -> List.of(local.resolve("Google/Chrome Dev/User Data"));
      case CHROME_CANARY -> List.of(local.resolve("Google/Chrome SxS/User Data"));
      case CHROMIUM -> List.of(local.resolve("Chromium/User Data"));
      case EDGE -> List.of(local.resolve("Microsoft/Edge/User Data"));
      case BRAVE -> List.of(local.resolve("BraveSoftware/Brave-Browser/User Data"));
      case VIVALDI -> List.of(local.resolve("Vivaldi/User Data"));
      case OPERA -> List.of(roaming.resolve("Opera Software/Opera Stable"));
      case FIREFOX -> List.of(roaming.resolve("Mozilla/Firefox"));
      case LIBREWOLF -> List.of(roaming.resolve("librewolf"));
    };
  }

  @Override
  public Path appDir() {
    if (scope == Scope.USER) {
      return platform.appDirs().data();
    }
    return Path.of(platform.env("ProgramFiles", platform.sys("Program Files").toString())).resolve("StreamDoctor");
  }

  @Override
  public Path receiptFile() {
    if (scope == Scope.USER) {
      return appDir().resolve("install-receipt.json");
    }
    return Path.of(platform.env("ProgramData", platform.sys("ProgramData").toString()))
        .resolve("StreamDoctor/install-receipt.json");
  }
}
