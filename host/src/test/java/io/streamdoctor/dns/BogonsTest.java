package io.streamdoctor.dns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BogonsTest {
  @Test
  void isBogon_reservedRanges_true() {
    for (String a : new String[] {"10.1.2.3", "172.31.255.255", "192.168.0.1", "127.0.0.1", "0.0.0.0", "100.64.0.1",
        "169.254.1.1", "198.18.0.1", "240.0.0.1", "::1", "fd00::1", "fe80::1", "2001:db8::5"}) {
      assertTrue(Bogons.isBogon(a), a);
    }
  }

  @Test
  void isBogon_publicAndNonLiterals_false() {
    for (String a : new String[] {"104.18.32.47", "172.32.0.1", "8.8.8.8", "2606:4700::6810:84e5", "chatgpt.com", ""}) {
      assertFalse(Bogons.isBogon(a), a);
    }
  }
}
