package io.streamdoctor.platform;

import static io.streamdoctor.testing.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LinuxParsersTest {
  @Test
  void snmp_capturedFile_outSegsAndRetrans() {
    assertEquals(Optional.of(new TcpCounters(9917, 3)), ProcNetSnmpParser.parse(read("linux/proc_net_snmp.txt")));
  }

  @Test
  void snmp_columnsReordered_foundByName() {
    String text = "Tcp: RetransSegs OutSegs\nTcp: 7 100\n";
    assertEquals(Optional.of(new TcpCounters(100, 7)), ProcNetSnmpParser.parse(text));
  }

  @Test
  void snmp_garbage_empty() {
    assertTrue(ProcNetSnmpParser.parse("Tcp: OutSegs\nTcp: x\n").isEmpty());
    assertTrue(ProcNetSnmpParser.parse("").isEmpty());
  }

  @Test
  void route_fixture_defaultViaGatewayAndOnLinkTun() {
    assertEquals(List.of(new DefaultRoute("wlp2s0", "192.168.1.1")),
        ProcNetRouteParser.defaultRoutes(read("linux/proc_net_route.txt")));
  }

  @Test
  void ipv6Route_fixture_defaultWithoutLoopbackReject() {
    assertEquals(List.of(new DefaultRoute("wlp2s0", "fe80:0:0:0:211:22ff:fe33:4455")),
        ProcNetRouteParser.ipv6DefaultRoutes(read("linux/proc_net_ipv6_route.txt")));
  }

  @Test
  void resolvConf_fixture_nameserversInOrderCommentsIgnored() {
    assertEquals(List.of("127.0.0.53", "192.168.1.1", "fe80::1%wlp2s0"),
        ResolvConfParser.nameservers(read("linux/resolv.conf")));
  }

  @Test
  void wireless_fixture_qualityAndDbmIncludingUnsignedLevel() {
    List<WifiReading> w = ProcNetWirelessParser.parse(read("linux/proc_net_wireless.txt"));
    assertEquals(2, w.size());
    assertEquals("wlp2s0", w.get(0).iface());
    assertEquals(54 / 70.0, w.get(0).quality(), 1e-9);
    assertEquals(-56.0, w.get(0).signalDbm());
    assertEquals(-56.0, w.get(1).signalDbm());
  }

  @Test
  void envProxy_lowerOrUpperCase_manual() {
    assertEquals(Optional.of(new ProxySetting("env", "manual", true)), EnvProxyParser.parse(Map.of("HTTPS_PROXY", "http://p:3128")));
    assertEquals(Optional.of(new ProxySetting("env", "manual", true)), EnvProxyParser.parse(Map.of("http_proxy", "http://p:3128")));
    assertTrue(EnvProxyParser.parse(Map.of("no_proxy", "localhost")).isEmpty());
  }

  @Test
  void desktopProxy_gnomeAndKde() {
    assertEquals("manual", DesktopProxyParser.gnome("'manual'\n").orElseThrow().mode());
    assertEquals(false, DesktopProxyParser.gnome("'none'").orElseThrow().proxied());
    assertTrue(DesktopProxyParser.gnome("").isEmpty());
    assertEquals(new ProxySetting("kde", "manual", true), DesktopProxyParser.kde(read("linux/kioslaverc")).orElseThrow());
  }

  @Test
  void vpnName_knownPrefixes() {
    for (String n : List.of("tun0", "tap1", "utun3", "wg0", "ppp0", "ipsec0", "tailscale0")) {
      assertTrue(NetIface.vpnName(n), n);
    }
    assertTrue(!NetIface.vpnName("eth0") && !NetIface.vpnName("docker0") && !NetIface.vpnName("wlp2s0"));
  }
}
