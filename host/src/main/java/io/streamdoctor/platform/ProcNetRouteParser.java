package io.streamdoctor.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Linux {@code /proc/net/route} (IPv4): "Iface Destination Gateway Flags RefCnt Use Metric Mask
 * ...", addresses as 8 hex digits in host (little-endian on x86/arm) byte order. A default route
 * has Destination and Mask 0 and the RTF_UP flag (0x1).
 */
public final class ProcNetRouteParser {
  private static final int RTF_UP = 0x1;
  private static final int RTF_GATEWAY = 0x2;

  private ProcNetRouteParser() {}

  public static List<DefaultRoute> defaultRoutes(String text) {
    List<DefaultRoute> routes = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 8 || f[0].equals("Iface")) {
        continue;
      }
      try {
        int flags = Integer.parseInt(f[3], 16);
        if (Long.parseLong(f[1], 16) != 0 || Long.parseLong(f[7], 16) != 0 || (flags & RTF_UP) == 0) {
          continue;
        }
        String gw = (flags & RTF_GATEWAY) != 0 ? hexToIpv4(f[2]) : null;
        routes.add(new DefaultRoute(f[0], gw));
      } catch (NumberFormatException e) {
        // A malformed line says nothing about the default route; skip it.
      }
    }
    return routes;
  }

  /**
   * {@code /proc/net/ipv6_route}: "dest destLen src srcLen nextHop metric refcnt use flags iface",
   * addresses as 32 hex digits in network order. Default: dest ::/0 with RTF_UP and without
   * RTF_REJECT (0x200: the kernel's "unreachable" default on lo).
   */
  public static List<DefaultRoute> ipv6DefaultRoutes(String text) {
    List<DefaultRoute> routes = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 10 || !f[0].matches("0{32}") || !f[1].equals("00")) {
        continue;
      }
      try {
        long flags = Long.parseLong(f[8], 16);
        if ((flags & RTF_UP) == 0 || (flags & 0x200) != 0) {
          continue;
        }
        String gw = f[4].matches("0{32}") ? null : hexToIpv6(f[4]);
        DefaultRoute r = new DefaultRoute(f[9], gw);
        if (!routes.contains(r)) {
          routes.add(r);
        }
      } catch (NumberFormatException e) {
        // Skip malformed lines.
      }
    }
    return routes;
  }

  static String hexToIpv6(String hex) {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    try {
      return java.net.InetAddress.getByAddress(b).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return hex;
    }
  }

  /** "0100A8C0" (little-endian) → "192.168.0.1". */
  static String hexToIpv4(String hex) {
    long v = Long.parseLong(hex, 16);
    return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
  }
}
