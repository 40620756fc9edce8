package io.streamdoctor.platform;

import java.util.List;

/**
 * macOS {@code route -n get default}: "   route to: default", "    gateway: 192.168.1.1",
 * "  interface: en0". "not in table" (exit 1) means no default route.
 */
public final class RouteGetParser {
  private RouteGetParser() {}

  public static List<DefaultRoute> parse(String output) {
    String gateway = null;
    String iface = null;
    for (String raw : output.split("\n")) {
      String line = raw.trim();
      if (line.startsWith("gateway:")) {
        gateway = line.substring(8).trim();
      } else if (line.startsWith("interface:")) {
        iface = line.substring(10).trim();
      }
    }
    return iface == null ? List.of() : List.of(new DefaultRoute(iface, gateway));
  }
}
