package io.streamdoctor.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.platform.DefaultRoute;
import io.streamdoctor.platform.NetIface;
import io.streamdoctor.platform.NetState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class NetDiffTest {
  private static NetIface up(String n, String... addrs) {
    return new NetIface(n, true, true, List.of(addrs));
  }

  private static NetState state(List<NetIface> ifaces, List<DefaultRoute> routes, List<String> dns) {
    Map<String, NetIface> m = new java.util.HashMap<>();
    ifaces.forEach(i -> m.put(i.name(), i));
    return new NetState(m, routes, dns);
  }

  private static List<String> kinds(List<NetworkChange> c) {
    return c.stream().map(x -> x.kind() + ":" + x.iface() + ":" + x.detail()).toList();
  }

  @Test
  void diff_sameState_nothing() {
    NetState s = state(List.of(up("eth0", "10.0.0.2")), List.of(new DefaultRoute("eth0", "10.0.0.1")), List.of("10.0.0.1"));
    assertEquals(List.of(), NetDiff.diff(s, s, 1));
  }

  @Test
  void diff_ifaceDownThenUp_bothReported() {
    NetState a = state(List.of(up("eth0")), List.of(), List.of());
    NetState b = state(List.of(new NetIface("eth0", false, false, List.of())), List.of(), List.of());
    assertEquals(List.of("iface_down:eth0:null"), kinds(NetDiff.diff(a, b, 1)));
    assertEquals(List.of("iface_up:eth0:null"), kinds(NetDiff.diff(b, a, 2)));
  }

  @Test
  void diff_tunAppearsAdminUpWithoutCarrier_vpnUpOnly() {
    NetState a = state(List.of(up("eth0")), List.of(), List.of());
    NetState b = state(List.of(up("eth0"), new NetIface("tun0", true, false, List.of())), List.of(), List.of());
    assertEquals(List.of("vpn_up:tun0:null"), kinds(NetDiff.diff(a, b, 1)));
    assertEquals(List.of("vpn_down:tun0:null"), kinds(NetDiff.diff(b, a, 1)));
  }

  @Test
  void diff_addressesRoutesDns_eachReported() {
    NetState a = state(List.of(up("eth0", "10.0.0.2")), List.of(new DefaultRoute("eth0", "10.0.0.1")), List.of("10.0.0.1"));
    NetState b = state(List.of(up("eth0", "10.0.0.3"), up("wg0", "10.8.0.2")), List.of(new DefaultRoute("wg0", null)), List.of("10.8.0.1"));
    assertEquals(List.of("addr_added:eth0:10.0.0.3", "addr_removed:eth0:10.0.0.2",
        "iface_up:wg0:null", "vpn_up:wg0:null", "addr_added:wg0:10.8.0.2",
        "default_route:wg0:on-link dev wg0", "dns_servers:null:10.8.0.1"), kinds(NetDiff.diff(a, b, 1)));
  }

  @Test
  void diff_defaultRouteMovesOntoExistingVpnAdapter_vpnUp() {
    NetState a = state(List.of(up("eth0"), new NetIface("utun3", false, false, List.of())),
        List.of(new DefaultRoute("eth0", "10.0.0.1")), List.of());
    NetState b = state(List.of(up("eth0"), new NetIface("utun3", false, false, List.of())),
        List.of(new DefaultRoute("utun3", null)), List.of());
    assertEquals(List.of("default_route:utun3:on-link dev utun3", "vpn_up:utun3:default route"), kinds(NetDiff.diff(a, b, 1)));
  }

  @Test
  void vpnActive_macSystemUtunIgnoredUntilRoutableAddress() {
    assertEquals(false, new NetIface("utun0", true, true, List.of("fe80::abcd")).vpnActive());
    assertEquals(true, new NetIface("utun4", true, true, List.of("fe80::abcd", "10.8.0.2")).vpnActive());
  }

  @Test
  void vpnActive_windowsAdapterByDisplayName() {
    assertEquals(true, new NetIface("eth7", true, true, List.of(), "WireGuard Tunnel").vpnActive());
    assertEquals(true, new NetIface("net3", true, false, List.of(), "TAP-Windows Adapter V9").vpnActive());
    assertEquals(false, new NetIface("eth0", true, true, List.of(), "Intel(R) Ethernet Connection I219-V").vpnActive());
    assertEquals(false, new NetIface("eth7", false, false, List.of(), "WireGuard Tunnel").vpnActive());
  }

  @Test
  void baseline_vpnPresentAndNoRoute() {
    NetState s = state(List.of(up("tun0")), List.of(), List.of());
    assertEquals(List.of("vpn_present:tun0:null", "no_default_route:null:null"), kinds(NetDiff.baseline(s, 1)));
  }
}
