package io.streamdoctor.platform;

import static io.streamdoctor.testing.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MacParsersTest {
  @Test
  void scutilProxy_manual_pac_none() {
    assertEquals(new ProxySetting("macos", "manual", true), ScutilProxyParser.parse(read("macos/scutil_proxy_manual.txt")));
    assertEquals(new ProxySetting("macos", "auto", true), ScutilProxyParser.parse(read("macos/scutil_proxy_pac.txt")));
    assertEquals(ProxySetting.none("macos"), ScutilProxyParser.parse(read("macos/scutil_proxy_none.txt")));
  }

  @Test
  void scutilDns_defaultResolversOnly() {
    assertEquals(List.of("192.168.1.1", "2a02:8109:b6bf:e800::1"), ScutilDnsParser.nameservers(read("macos/scutil_dns.txt")));
  }

  @Test
  void netstatTcp_sentAndRetransmitted() {
    assertEquals(Optional.of(new TcpCounters(1939446, 2468)), NetstatTcpParser.parse(read("macos/netstat_s_p_tcp.txt")));
    assertTrue(NetstatTcpParser.parse("tcp:\n\t12 packets received\n").isEmpty());
  }

  @Test
  void routeGet_gatewayAndInterface() {
    assertEquals(List.of(new DefaultRoute("en0", "192.168.1.1")), RouteGetParser.parse(read("macos/route_get_default.txt")));
    assertEquals(List.of(), RouteGetParser.parse("route: writing to routing socket: not in table\n"));
  }
}
