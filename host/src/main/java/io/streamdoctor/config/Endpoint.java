package io.streamdoctor.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * "1.1.1.1", "127.0.0.1:5353", "2606:4700::1111" or "[::1]:53" as a socket address. Literals only:
 * resolving a resolver's name would need the very DNS we are checking.
 */
public final class Endpoint {
  private Endpoint() {}

  public static InetSocketAddress parse(String text, int defaultPort) {
    String s = text.trim();
    String host = s;
    int port = defaultPort;
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("bad address '" + text + "': missing ]");
      }
      host = s.substring(1, end);
      if (s.length() > end + 2 && s.charAt(end + 1) == ':') {
        port = port(s.substring(end + 2), text);
      }
    } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = port(s.substring(s.indexOf(':') + 1), text);
    }
    // IPv6 link-local servers carry a zone ("fe80::1%wlp2s0", resolv.conf and scutil both allow it).
    if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+(%[\\w.-]+)?")) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address literal");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      // A zone naming an interface the JDK cannot map: keep the address, the query will say more.
      int pct = host.indexOf('%');
      if (pct > 0) {
        return parse(host.substring(0, pct).contains(":") ? "[" + host.substring(0, pct) + "]:" + port : host, port);
      }
      throw new IllegalArgumentException("'" + text + "' is not an IP address literal");
    }
  }

  private static int port(String p, String text) {
    try {
      int v = Integer.parseInt(p);
      if (v < 1 || v > 65535) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'");
    }
  }

  /** "1.1.1.1" for port 53, "127.0.0.1:5353" otherwise: how evidence names a resolver. */
  public static String label(InetSocketAddress a, int defaultPort) {
    String h = a.getAddress().getHostAddress();
    if (a.getPort() == defaultPort) {
      return h;
    }
    return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
  }
}
