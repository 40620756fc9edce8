package io.streamdoctor.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses a public name must never resolve to: private, loopback, link-local, shared (CGNAT),
 * documentation, benchmarking, multicast and reserved ranges (RFC 6890 special-purpose registry,
 * RFC 1918, RFC 6598, RFC 4193). Resolvers that block or hijack names commonly answer these.
 */
public final class Bogons {
  private static final String[] V4 = {
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
    "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"
  };
  private static final String[] V6 = {"::/127", "fc00::/7", "fe80::/10", "ff00::/8", "2001:db8::/32", "::ffff:0:0/96"};

  private Bogons() {}

  public static boolean isBogon(String literal) {
    InetAddress a;
    try {
      if (!literal.matches("[0-9a-fA-F:.]+")) {
        return false;
      }
      a = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return false;
    }
    for (String cidr : a.getAddress().length == 4 ? V4 : V6) {
      if (inRange(a.getAddress(), cidr)) {
        return true;
      }
    }
    return false;
  }

  static boolean inRange(byte[] addr, String cidr) {
    int slash = cidr.indexOf('/');
    byte[] net;
    try {
      net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    if (net.length != addr.length) {
      return false;
    }
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((addr[i / 8] & mask) != (net[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
