package io.streamdoctor.platform;

import static io.streamdoctor.testing.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.streamdoctor.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WindowsParsersTest {
  private static Map<String, Object> registry(String name) throws Exception {
    return Json.MAPPER.readValue(read("windows/" + name), new TypeReference<Map<String, Object>>() {});
  }

  @Test
  void ipconfig_dnsServersAndGatewaysWithContinuationLines() {
    IpconfigParser.Result r = IpconfigParser.parse(read("windows/ipconfig_all.txt"));
    assertEquals(List.of("192.168.178.1", "fd00::3a10:d5ff:fe00:1"), r.dnsServers());
    assertEquals(List.of(new DefaultRoute("Ethernet", "fe80::3a10:d5ff:fe00:1"), new DefaultRoute("Ethernet", "192.168.178.1")),
        r.defaultRoutes());
  }

  @Test
  void registry_manualPacNone() throws Exception {
    assertEquals(new ProxySetting("windows", "manual", true), WindowsProxyParser.fromRegistry(registry("internet_settings_manual.json"), false));
    assertEquals(new ProxySetting("windows", "auto", true), WindowsProxyParser.fromRegistry(registry("internet_settings_pac.json"), false));
    assertEquals(ProxySetting.none("windows"), WindowsProxyParser.fromRegistry(registry("internet_settings_none.json"), false));
  }

  @Test
  void registry_wpadOnly_recordedNotProxied() throws Exception {
    byte[] blob = new byte[16];
    blob[8] = 0x09;
    assertTrue(WindowsProxyParser.wpadFlag(blob));
    ProxySetting p = WindowsProxyParser.fromRegistry(registry("internet_settings_none.json"), WindowsProxyParser.wpadFlag(blob));
    assertEquals("auto_detect", p.mode());
    assertFalse(p.proxied());
  }

  @Test
  void ieConfig_proxyBeatsPacBeatsAutoDetect() {
    assertEquals("manual", WindowsProxyParser.fromIeConfig(true, "http://x/p.pac", "10.0.0.5:8080").mode());
    assertEquals("auto", WindowsProxyParser.fromIeConfig(true, "http://x/p.pac", null).mode());
    assertFalse(WindowsProxyParser.fromIeConfig(true, null, "").proxied());
    assertEquals("none", WindowsProxyParser.fromIeConfig(false, null, null).mode());
  }
}
