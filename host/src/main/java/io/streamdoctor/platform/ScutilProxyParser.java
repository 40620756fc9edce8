package io.streamdoctor.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * macOS {@code scutil --proxy}: a "<dictionary> { KEY : VALUE ... }" dump of the
 * SCDynamicStore proxies. HTTPEnable/HTTPSEnable/SOCKSEnable = 1 means a manual proxy,
 * ProxyAutoConfigEnable = 1 means a PAC file, ProxyAutoDiscoveryEnable = 1 WPAD.
 */
public final class ScutilProxyParser {
  private ScutilProxyParser() {}

  public static ProxySetting parse(String output) {
    Map<String, String> kv = flatKeys(output);
    if (on(kv, "HTTPEnable") || on(kv, "HTTPSEnable") || on(kv, "SOCKSEnable")) {
      return new ProxySetting("macos", "manual", true);
    }
    if (on(kv, "ProxyAutoConfigEnable")) {
      return new ProxySetting("macos", "auto", true);
    }
    if (on(kv, "ProxyAutoDiscoveryEnable")) {
      // WPAD discovery alone usually finds nothing: recorded, not counted as a proxy in use.
      return new ProxySetting("macos", "auto_detect", false);
    }
    return ProxySetting.none("macos");
  }

  /** Top-level "KEY : VALUE" lines; nested arrays (ExceptionsList) are irrelevant here. */
  static Map<String, String> flatKeys(String output) {
    Map<String, String> kv = new HashMap<>();
    for (String raw : output.split("\n")) {
      int sep = raw.indexOf(" : ");
      if (sep > 0) {
        kv.put(raw.substring(0, sep).trim(), raw.substring(sep + 3).trim());
      }
    }
    return kv;
  }

  private static boolean on(Map<String, String> kv, String key) {
    return "1".equals(kv.get(key));
  }
}
