package io.streamdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamdoctor.platform.DefaultRoute;
import io.streamdoctor.platform.NetFingerprint;
import io.streamdoctor.platform.NetState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetFingerprintTest {
  private static NetState routes(DefaultRoute... r) {
    return new NetState(Map.of(), List.of(r), List.of());
  }

  @Test
  void of_sameGatewaysInAnyOrder_sameCodeShapedId() {
    String a = NetFingerprint.of(routes(new DefaultRoute("wlan0", "192.168.1.1"), new DefaultRoute("eth0", "10.0.0.1")));
    String b = NetFingerprint.of(routes(new DefaultRoute("eth0", "10.0.0.1"), new DefaultRoute("wlan0", "192.168.1.1")));
    assertEquals(a, b);
    assertEquals(16, a.length());
    assertFalse(a.contains("192"), "no address is stored");
  }

  @Test
  void of_otherGateway_otherId() {
    assertNotEquals(NetFingerprint.of(routes(new DefaultRoute("wlan0", "192.168.1.1"))),
        NetFingerprint.of(routes(new DefaultRoute("wlan0", "192.168.0.1"))));
  }

  @Test
  void of_noDefaultRoute_null() {
    assertNull(NetFingerprint.of(routes()));
  }
}
