package io.streamdoctor.platform;

import java.util.List;
import java.util.Locale;

/**
 * One network interface as the OS reports it. {@code adminUp}: configured up (IFF_UP);
 * {@code running}: it also has a link (carrier / oper state up). Addresses are literal strings
 * without scope or prefix. {@code description} is the adapter's display name where the OS has
 * one (Windows: "WireGuard Tunnel", "TAP-Windows Adapter V9"), else null.
 */
public record NetIface(String name, boolean adminUp, boolean running, List<String> addresses, String description) {
  private static final List<String> VPN_PREFIXES =
      List.of("tun", "tap", "utun", "wg", "ppp", "ipsec", "gpd", "nordlynx", "tailscale", "zt");
  /** Windows names adapters by type (eth3, net7): the display name tells a VPN apart. */
  private static final List<String> VPN_WORDS = List.of("vpn", "tap-windows", "wireguard", "wintun", "openvpn",
      "nordlynx", "anyconnect", "fortinet", "globalprotect", "tunnel", "tailscale", "zerotier");

  public NetIface {
    addresses = List.copyOf(addresses);
  }

  public NetIface(String name, boolean adminUp, boolean running, List<String> addresses) {
    this(name, adminUp, running, addresses, null);
  }

  public boolean up() {
    return adminUp && running;
  }

  /**
   * A VPN-like interface that is up. macOS keeps utun0..3 up for system services (iCloud,
   * Continuity) with only link-local IPv6: a utun counts only once it has a routable address.
   */
  public boolean vpnActive() {
    if (!adminUp) {
      return false;
    }
    if (name.startsWith("utun")) {
      return addresses.stream().anyMatch(a -> !a.toLowerCase(Locale.ROOT).startsWith("fe80"));
    }
    if (vpnName(name)) {
      return true;
    }
    String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
    return VPN_WORDS.stream().anyMatch(d::contains);
  }

  /** VPN hint by name (product brief section 6): tun*, tap*, utun*, wg*, ppp*, ipsec* and a few clients. */
  public static boolean vpnName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return VPN_PREFIXES.stream().anyMatch(n::startsWith);
  }
}
