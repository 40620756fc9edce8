package io.streamdoctor.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Timeout;

/** Reads the real OS through each platform; each test runs only on its own OS (CI matrix). */
@Timeout(30)
class RealOsTest {
  @Test
  @EnabledOnOs(OS.LINUX)
  void linux_currentIsLinuxAndReadsState() {
    Platform p = Platform.current();
    assertEquals("linux", p.name());
    assertTrue(p.tcpCounters().isPresent());
    assertTrue(p.netState().ifaces().containsKey("lo"));
  }

  @Test
  @EnabledOnOs(OS.MAC)
  void mac_netstatScutilAndRouteAnswer() {
    Platform p = Platform.current();
    assertEquals("macos", p.name());
    assertTrue(p.tcpCounters().isPresent(), "netstat -s -p tcp parsed");
    assertTrue(p.netState().ifaces().containsKey("lo0"));
  }

  @Test
  @EnabledOnOs(OS.WINDOWS)
  void windows_jnaBindingsLoadAndAnswer() {
    Platform p = Platform.current();
    assertEquals("windows", p.name());
    assertTrue(p.limitations().stream().noneMatch(l -> l.contains("unavailable")), p.limitations().toString());
    assertTrue(p.tcpCounters().isPresent(), "GetTcpStatistics");
    assertTrue(p.dnsFlusher().flush(true).allOk());
  }
}
