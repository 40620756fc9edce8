package io.streamdoctor.platform;

import java.util.Map;

/**
 * Windows per-user proxy (WinINet), from the registry key
 * HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings: ProxyEnable (DWORD 1 = manual
 * proxy in ProxyServer), AutoConfigURL (PAC). WPAD auto-detect lives in a binary blob
 * (Connections\DefaultConnectionSettings, byte 8 flag 0x08) read separately.
 */
public final class WindowsProxyParser {
  private WindowsProxyParser() {}

  public static ProxySetting fromRegistry(Map<String, Object> values, boolean wpadFlag) {
    Object enable = values.get("ProxyEnable");
    Object server = values.get("ProxyServer");
    if (enable instanceof Number n && n.intValue() == 1 && server instanceof String s && !s.isBlank()) {
      return new ProxySetting("windows", "manual", true);
    }
    if (values.get("AutoConfigURL") instanceof String pac && !pac.isBlank()) {
      return new ProxySetting("windows", "auto", true);
    }
    if (wpadFlag) {
      return autoDetectOnly();
    }
    return ProxySetting.none("windows");
  }

  /** The WinHTTP view of the same settings (WinHttpGetIEProxyConfigForCurrentUser). */
  public static ProxySetting fromIeConfig(boolean autoDetect, String autoConfigUrl, String proxy) {
    if (proxy != null && !proxy.isBlank()) {
      return new ProxySetting("windows", "manual", true);
    }
    if (autoConfigUrl != null && !autoConfigUrl.isBlank()) {
      return new ProxySetting("windows", "auto", true);
    }
    if (autoDetect) {
      return autoDetectOnly();
    }
    return ProxySetting.none("windows");
  }

  /**
   * "Automatically detect settings" is on by default on most Windows machines and usually finds
   * no WPAD server: it is recorded, but not counted as a proxy in use.
   */
  static ProxySetting autoDetectOnly() {
    return new ProxySetting("windows", "auto_detect", false);
  }

  /** DefaultConnectionSettings: byte 8 holds flags; 0x02 manual, 0x04 PAC, 0x08 auto-detect. */
  public static boolean wpadFlag(byte[] defaultConnectionSettings) {
    return defaultConnectionSettings != null && defaultConnectionSettings.length > 8
        && (defaultConnectionSettings[8] & 0x08) != 0;
  }
}
