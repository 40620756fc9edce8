package io.streamdoctor.net;

import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.platform.DefaultRoute;
import io.streamdoctor.platform.NetIface;
import io.streamdoctor.platform.NetState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changes between two network snapshots, as evidence. Pure: the monitor polls, this decides
 * what changed. Chrome aborts HTTP/2 streams on any interface up/down or address change
 * (ERR_NETWORK_CHANGED), so every one of them is reported, virtual adapters included.
 */
public final class NetDiff {
  private NetDiff() {}

  public static List<NetworkChange> diff(NetState before, NetState after, double ts) {
    List<NetworkChange> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(before.ifaces().keySet());
    names.addAll(after.ifaces().keySet());
    Set<String> vpnReported = new HashSet<>();
    for (String name : names) {
      NetIface a = before.ifaces().get(name);
      NetIface b = after.ifaces().get(name);
      boolean wasUp = a != null && a.up();
      boolean isUp = b != null && b.up();
      if (wasUp != isUp) {
        out.add(new NetworkChange(ts, isUp ? "iface_up" : "iface_down", name, b == null ? "removed" : null));
      }
      boolean wasVpn = a != null && a.vpnActive();
      boolean isVpn = b != null && b.vpnActive();
      if (wasVpn != isVpn) {
        out.add(new NetworkChange(ts, isVpn ? "vpn_up" : "vpn_down", name, null));
        vpnReported.add(name);
      }
      List<String> oldAddrs = a == null ? List.of() : a.addresses();
      List<String> newAddrs = b == null ? List.of() : b.addresses();
      newAddrs.stream().filter(x -> !oldAddrs.contains(x))
          .forEach(x -> out.add(new NetworkChange(ts, "addr_added", name, x)));
      oldAddrs.stream().filter(x -> !newAddrs.contains(x))
          .forEach(x -> out.add(new NetworkChange(ts, "addr_removed", name, x)));
    }
    if (!new HashSet<>(before.defaultRoutes()).equals(new HashSet<>(after.defaultRoutes()))) {
      out.add(new NetworkChange(ts, "default_route", firstIface(after), describe(after.defaultRoutes())));
      // A default route moving onto a VPN-like interface is a VPN coming up even if the adapter
      // itself existed before (product brief section 6).
      for (DefaultRoute r : after.defaultRoutes()) {
        boolean before_ = before.defaultRoutes().stream().anyMatch(x -> x.iface().equals(r.iface()));
        if (NetIface.vpnName(r.iface()) && !before_ && vpnReported.add(r.iface())) {
          out.add(new NetworkChange(ts, "vpn_up", r.iface(), "default route"));
        }
      }
    }
    if (!before.dnsServers().equals(after.dnsServers())) {
      out.add(new NetworkChange(ts, "dns_servers", null, String.join(" ", after.dnsServers())));
    }
    return out;
  }

  /** What is worth knowing at start: VPN-like interfaces already up ("vpn_present", not a change). */
  public static List<NetworkChange> baseline(NetState state, double ts) {
    List<NetworkChange> out = new ArrayList<>();
    for (NetIface i : state.ifaces().values()) {
      if (i.vpnActive()) {
        out.add(new NetworkChange(ts, "vpn_present", i.name(), null));
      }
    }
    if (state.defaultRoutes().isEmpty()) {
      out.add(new NetworkChange(ts, "no_default_route", null, null));
    }
    return out;
  }

  static String describe(List<DefaultRoute> routes) {
    return routes.isEmpty() ? "none" : String.join(", ", routes.stream().map(DefaultRoute::describe).toList());
  }

  private static String firstIface(NetState s) {
    return s.defaultRoutes().isEmpty() ? null : s.defaultRoutes().get(0).iface();
  }
}
