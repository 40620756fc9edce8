package io.streamdoctor.platform;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interface addresses through the JDK (getifaddrs on Linux/macOS, GetAdaptersAddresses on
 * Windows): portable, and cheap enough to call twice a second.
 */
public final class JavaAddresses {
  private JavaAddresses() {}

  /** Interface name → its addresses (literal, scope id removed). Empty if the OS refuses. */
  public static Map<String, List<String>> read() {
    Map<String, List<String>> out = new HashMap<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        List<String> addrs = new ArrayList<>();
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          String s = a.getHostAddress();
          int pct = s.indexOf('%');
          addrs.add(pct < 0 ? s : s.substring(0, pct));
        }
        Collections.sort(addrs);
        out.put(ni.getName(), addrs);
      }
    } catch (SocketException | RuntimeException e) {
      return Map.of();
    }
    return out;
  }

  /** Up state by the JDK, for platforms without /sys (macOS, Windows). */
  public static Map<String, NetIface> interfaces() {
    Map<String, NetIface> out = new HashMap<>();
    Map<String, List<String>> addrs = read();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        boolean up = ni.isUp();
        out.put(ni.getName(), new NetIface(ni.getName(), up, up, addrs.getOrDefault(ni.getName(), List.of()),
            ni.getDisplayName()));
      }
    } catch (SocketException | RuntimeException e) {
      return Map.of();
    }
    return out;
  }
}
