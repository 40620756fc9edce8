package io.streamdoctor.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Opens and closes the rtnetlink subscription without touching this machine's network (changes
 * are exercised inside a namespace by MonitorNetnsIT).
 */
@Timeout(10)
@EnabledOnOs(OS.LINUX)
class LinuxNetlinkTest {
  @Test
  void open_thenClose_readerEndsWithinReceiveTimeout() throws Exception {
    LinuxNetlink n = new LinuxNetlink(() -> {});
    assertTrue(n.running());
    n.close();
    long end = System.nanoTime() + 3_000_000_000L;
    while (n.running() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertFalse(n.running());
  }

  @Test
  void watchChanges_onThisMachine_noLimitationReported() throws Exception {
    LinuxPlatform p = LinuxPlatform.system();
    try (AutoCloseable w = p.watchChanges(() -> {})) {
      assertTrue(p.limitations().stream().noneMatch(l -> l.contains("netlink")), p.limitations().toString());
    }
  }
}
