package io.streamdoctor.platform;

import java.util.Optional;

/** Linux desktop proxy settings: GNOME (gsettings) and KDE (kioslaverc). */
public final class DesktopProxyParser {
  private DesktopProxyParser() {}

  /** Output of {@code gsettings get org.gnome.system.proxy mode}: 'none', 'manual' or 'auto'. */
  public static Optional<ProxySetting> gnome(String output) {
    String mode = output.trim().replace("'", "");
    return switch (mode) {
      case "none" -> Optional.of(ProxySetting.none("gnome"));
      case "manual" -> Optional.of(new ProxySetting("gnome", "manual", true));
      case "auto" -> Optional.of(new ProxySetting("gnome", "auto", true));
      default -> Optional.empty();
    };
  }

  /**
   * {@code ~/.config/kioslaverc}, group [Proxy Settings], ProxyType: 0 none, 1 manual, 2 PAC URL,
   * 3 WPAD, 4 environment variables (KDE's kcm_proxy).
   */
  public static Optional<ProxySetting> kde(String kioslaverc) {
    boolean inGroup = false;
    for (String raw : kioslaverc.split("\n")) {
      String line = raw.trim();
      if (line.startsWith("[")) {
        inGroup = line.equals("[Proxy Settings]");
      } else if (inGroup && line.startsWith("ProxyType=")) {
        return switch (line.substring("ProxyType=".length()).trim()) {
          case "0" -> Optional.of(ProxySetting.none("kde"));
          case "1", "4" -> Optional.of(new ProxySetting("kde", "manual", true));
          case "2", "3" -> Optional.of(new ProxySetting("kde", "auto", true));
          default -> Optional.empty();
        };
      }
    }
    return Optional.empty();
  }
}
