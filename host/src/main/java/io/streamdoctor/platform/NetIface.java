package io.streamdoctor.platform;

import java.util.List;
import java.util.Locale;

/**
 * One network interface as the OS reports it. {@code adminUp}: configured up (IFF_UP);
 * {@code running}: it also has a link (carrier / oper state up). Addresses are literal strings
 * without scope or prefix.
 */
public record NetIface(String name, boolean adminUp, boolean running, List<String> addresses) {
  private static final List<String> VPN_PREFIXES =
      List.of("tun", "tap", "utun", "wg", "ppp", "ipsec", "gpd", "nordlynx", "tailscale", "zt");

  public NetIface {
    addresses = List.copyOf(addresses);
  }

  public boolean up() {
    return adminUp && running;
  }

  /** VPN hint by name (product brief section 6): tun*, tap*, utun*, wg*, ppp*, ipsec* and a few clients. */
  public static boolean vpnName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return VPN_PREFIXES.stream().anyMatch(n::startsWith);
  }
}
