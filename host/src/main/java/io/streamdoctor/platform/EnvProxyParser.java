package io.streamdoctor.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The conventional proxy environment variables (curl, wget, many runtimes; browsers on Linux
 * follow them only when no desktop setting exists). Upper and lower case both count.
 */
public final class EnvProxyParser {
  private EnvProxyParser() {}

  public static Optional<ProxySetting> parse(Map<String, String> env) {
    for (String key : new String[] {"https_proxy", "http_proxy", "all_proxy"}) {
      String v = env.getOrDefault(key, env.get(key.toUpperCase()));
      if (v != null && !v.isBlank()) {
        return Optional.of(new ProxySetting("env", "manual", true));
      }
    }
    return Optional.empty();
  }
}
