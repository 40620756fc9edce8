package io.streamdoctor.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/** The Linux reader over a fake procfs/sysfs tree built from fixtures. */
@Timeout(30)
class LinuxPlatformTest {
  @TempDir Path root;

  private void iface(String name, String flags, String oper) throws Exception {
    Path d = Files.createDirectories(root.resolve("sys/class/net/" + name));
    Files.writeString(d.resolve("flags"), flags + "\n");
    Files.writeString(d.resolve("operstate"), oper + "\n");
  }

  private LinuxPlatform platform(Map<String, String> env) throws Exception {
    Path net = Files.createDirectories(root.resolve("proc/net"));
    Files.writeString(net.resolve("route"), Fixtures.read("linux/proc_net_route.txt"));
    Files.writeString(net.resolve("snmp"), Fixtures.read("linux/proc_net_snmp.txt"));
    Files.writeString(net.resolve("wireless"), Fixtures.read("linux/proc_net_wireless.txt"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/resolv.conf"), "nameserver 127.0.0.53\n");
    Path upstream = Files.createDirectories(root.resolve("run/systemd/resolve"));
    Files.writeString(upstream.resolve("resolv.conf"), "nameserver 192.168.1.1\n");
    return new LinuxPlatform(root.resolve("proc"), root.resolve("sys"), root.resolve("etc"), root.resolve("run"), env,
        root.resolve("home"), (argv, limit) -> { throw new AssertionError("no process expected: " + argv); },
        () -> Map.of("wlp2s0", List.of("192.168.1.20")));
  }

  @Test
  void netState_fixtureTree_ifacesRoutesAndDns() throws Exception {
    iface("wlp2s0", "0x1003", "up");
    iface("tun0", "0x1091", "unknown");
    iface("eth0", "0x1002", "down");
    iface("veth1", "0x1003", "lowerlayerdown");
    NetState s = platform(Map.of()).netState();
    assertTrue(s.ifaces().get("wlp2s0").up());
    assertEquals(List.of("192.168.1.20"), s.ifaces().get("wlp2s0").addresses());
    assertTrue(s.ifaces().get("tun0").up());
    assertFalse(s.ifaces().get("eth0").adminUp());
    assertTrue(s.ifaces().get("veth1").adminUp());
    assertFalse(s.ifaces().get("veth1").up());
    assertEquals(List.of(new DefaultRoute("wlp2s0", "192.168.1.1")), s.defaultRoutes());
    assertEquals(List.of("127.0.0.53", "192.168.1.1"), s.dnsServers());
  }

  @Test
  void counters_wifi_proxy_fromFiles() throws Exception {
    LinuxPlatform p = platform(Map.of("https_proxy", "http://proxy:3128"));
    assertEquals(new TcpCounters(9917, 3), p.tcpCounters().orElseThrow());
    assertEquals(2, p.wifi().size());
    assertEquals(List.of(new ProxySetting("env", "manual", true)), p.systemProxies());
  }

  @Test
  void missingFiles_emptyNotCrash() {
    LinuxPlatform p = new LinuxPlatform(root.resolve("nope"), root.resolve("nope"), root.resolve("nope"), root.resolve("nope"),
        Map.of(), root, (a, l) -> null, Map::of);
    assertTrue(p.tcpCounters().isEmpty());
    assertTrue(p.wifi().isEmpty());
    assertTrue(p.netState().defaultRoutes().isEmpty());
    assertEquals(2, p.limitations().size());
  }

  @Test
  void realMachine_readsSomething() {
    NetState s = LinuxPlatform.system().netState();
    assertTrue(s.ifaces().containsKey("lo"));
    assertTrue(LinuxPlatform.system().tcpCounters().isPresent());
  }
}
