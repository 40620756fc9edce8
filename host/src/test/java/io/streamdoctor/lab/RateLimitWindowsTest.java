package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitWindowsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final RateLimitWindows limits = new RateLimitWindows(now::get);
  private final InetAddress a = InetAddress.getLoopbackAddress();

  @Test
  void remaining_afterOpen_roundsUpAndCloses() throws Exception {
    limits.open(a, 20);
    assertEquals(20, limits.remainingS(a));
    now.addAndGet(19_500_000_000L);
    assertEquals(1, limits.remainingS(a));
    now.addAndGet(500_000_000L);
    assertEquals(0, limits.remainingS(a));
  }

  @Test
  void remaining_otherClient_isNotLimited() throws Exception {
    limits.open(a, 20);
    assertEquals(0, limits.remainingS(InetAddress.getByName("127.0.0.2")));
  }

  @Test
  void open_shorterWindowLater_keepsTheLongerOne() {
    limits.open(a, 30);
    limits.open(a, 5);
    assertEquals(30, limits.remainingS(a));
  }

  @Test
  void open_zeroOrNull_changesNothing() {
    limits.open(a, 0);
    limits.open(null, 10);
    assertEquals(0, limits.remainingS(a));
    assertEquals(0, limits.remainingS(null));
  }
}
