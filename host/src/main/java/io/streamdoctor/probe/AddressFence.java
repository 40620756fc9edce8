package io.streamdoctor.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The address check between resolving a configured host and connecting to it. The probes connect
 * to exactly the address checked here (one resolution per run, {@link PostMortem}), so a DNS
 * answer that changes between check and connect (rebinding) cannot redirect them.
 *
 * <p>Multicast, broadcast and unspecified addresses are refused always: no chat site lives there,
 * and on Linux a connect to 0.0.0.0 reaches this machine's own loopback (what DNS blockers answer
 * for a blocked name). Loopback, private (RFC 1918, fc00::/7), link-local, CGNAT (RFC 6598
 * 100.64/10) addresses are accepted only as the answer for a configured chat host (split-horizon
 * DNS, a local proxy or the test lab put it there) or a configured {@code connect} address: the
 * targets already come only from configuration ({@link io.streamdoctor.config.SiteScope}).
 */
public final class AddressFence {
  /** Why an address is off limits, or {@link #NONE}. */
  public enum Kind { NONE, LOOPBACK, PRIVATE, LINK_LOCAL, CGNAT, MULTICAST, UNSPECIFIED }

  private AddressFence() {}

  public static Kind classify(InetAddress a) {
    if (a.isAnyLocalAddress()) {
      return Kind.UNSPECIFIED;
    }
    if (a.isMulticastAddress() || isBroadcast(a)) {
      return Kind.MULTICAST;
    }
    if (a.isLoopbackAddress()) {
      return Kind.LOOPBACK;
    }
    if (a.isLinkLocalAddress()) {
      return Kind.LINK_LOCAL;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xff;
      int o1 = b[1] & 0xff;
      if (o0 == 100 && (o1 & 0xc0) == 64) {
        return Kind.CGNAT;
      }
      if (a.isSiteLocalAddress()) {
        return Kind.PRIVATE; // 10/8, 172.16/12, 192.168/16
      }
      if (o0 == 0) {
        return Kind.UNSPECIFIED; // 0/8: "this network" (RFC 1122 3.2.1.3)
      }
    } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return Kind.PRIVATE; // fc00::/7 unique local (RFC 4193)
    }
    return Kind.NONE;
  }

  /** Refused whatever configuration says. */
  public static boolean never(InetAddress a) {
    Kind k = classify(a);
    return k == Kind.MULTICAST || k == Kind.UNSPECIFIED;
  }

  /**
   * Whether a probe may connect to {@code a}: {@code configured} says the address is the answer
   * for (or the configured {@code connect} address of) a configured chat host.
   */
  public static boolean allows(InetAddress a, boolean configured) {
    if (never(a)) {
      return false;
    }
    return configured || classify(a) == Kind.NONE;
  }

  private static boolean isBroadcast(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 4 && (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
  }
}
