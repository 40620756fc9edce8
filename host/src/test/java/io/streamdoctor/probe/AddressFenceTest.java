package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.probe.AddressFence.Kind;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressFenceTest {
  @Test
  void classify_everySpecialRange() throws Exception {
    Map<String, Kind> cases = Map.ofEntries(
        Map.entry("127.0.0.1", Kind.LOOPBACK), Map.entry("127.9.9.9", Kind.LOOPBACK), Map.entry("::1", Kind.LOOPBACK),
        Map.entry("10.0.0.1", Kind.PRIVATE), Map.entry("172.16.5.4", Kind.PRIVATE), Map.entry("172.31.255.255", Kind.PRIVATE),
        Map.entry("192.168.1.1", Kind.PRIVATE), Map.entry("fd12:3456::1", Kind.PRIVATE), Map.entry("fc00::1", Kind.PRIVATE),
        Map.entry("169.254.169.254", Kind.LINK_LOCAL), Map.entry("fe80::1", Kind.LINK_LOCAL),
        Map.entry("100.64.0.1", Kind.CGNAT), Map.entry("100.127.255.254", Kind.CGNAT),
        Map.entry("224.0.0.251", Kind.MULTICAST), Map.entry("ff02::1", Kind.MULTICAST), Map.entry("255.255.255.255", Kind.MULTICAST),
        Map.entry("0.0.0.0", Kind.UNSPECIFIED), Map.entry("::", Kind.UNSPECIFIED), Map.entry("0.1.2.3", Kind.UNSPECIFIED),
        Map.entry("104.18.32.47", Kind.NONE), Map.entry("100.128.0.1", Kind.NONE), Map.entry("172.32.0.1", Kind.NONE),
        Map.entry("2606:4700::6810:1", Kind.NONE));
    for (Map.Entry<String, Kind> c : cases.entrySet()) {
      assertEquals(c.getValue(), AddressFence.classify(InetAddress.getByName(c.getKey())), c.getKey());
    }
  }

  @Test
  void allows_specialOnlyForConfiguredHosts_neverMulticastOrUnspecified() throws Exception {
    assertTrue(AddressFence.allows(InetAddress.getByName("104.18.32.47"), false));
    assertFalse(AddressFence.allows(InetAddress.getByName("192.168.1.1"), false));
    assertFalse(AddressFence.allows(InetAddress.getByName("127.0.0.1"), false));
    assertTrue(AddressFence.allows(InetAddress.getByName("127.0.0.1"), true));
    assertTrue(AddressFence.allows(InetAddress.getByName("10.2.3.4"), true));
    assertFalse(AddressFence.allows(InetAddress.getByName("0.0.0.0"), true));
    assertFalse(AddressFence.allows(InetAddress.getByName("239.1.1.1"), true));
  }
}
