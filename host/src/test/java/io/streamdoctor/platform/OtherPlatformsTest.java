package io.streamdoctor.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.dns.FlushResult;
import io.streamdoctor.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** macOS and Windows platforms behind fakes of their OS boundaries (commands, native API). */
@Timeout(30)
class OtherPlatformsTest {
  /** Answers each argv with a fixture; records what ran. */
  static final class FakeRunner implements CommandRunner {
    final List<List<String>> ran = new ArrayList<>();
    final Map<String, Result> answers;

    FakeRunner(Map<String, Result> answers) {
      this.answers = answers;
    }

    @Override
    public Result run(List<String> argv, Duration limit) {
      ran.add(argv);
      return answers.getOrDefault(String.join(" ", argv), new Result(1, "", "unknown command"));
    }
  }

  @Test
  void mac_readsThroughScutilNetstatRoute() {
    FakeRunner r = new FakeRunner(Map.of(
        "/usr/sbin/scutil --dns", new CommandRunner.Result(0, Fixtures.read("macos/scutil_dns.txt"), ""),
        "/sbin/route -n get default", new CommandRunner.Result(0, Fixtures.read("macos/route_get_default.txt"), ""),
        "/usr/sbin/netstat -s -p tcp", new CommandRunner.Result(0, Fixtures.read("macos/netstat_s_p_tcp.txt"), ""),
        "/usr/sbin/scutil --proxy", new CommandRunner.Result(0, Fixtures.read("macos/scutil_proxy_pac.txt"), "")));
    MacPlatform mac = new MacPlatform(r);
    NetState s = mac.netState();
    assertEquals(List.of("192.168.1.1", "2a02:8109:b6bf:e800::1"), s.dnsServers());
    assertEquals("en0", s.defaultRoutes().get(0).iface());
    assertEquals(2468, mac.tcpCounters().orElseThrow().retransSegs());
    assertEquals("auto", mac.systemProxies().get(0).mode());
    mac.netState();
    // DNS and route are cached for a few seconds: polling twice a second must not spawn twice.
    assertEquals(1, r.ran.stream().filter(a -> a.contains("--dns")).count());
  }

  static class FakeWindowsApi implements WindowsApi {
    boolean flushed;
    boolean flushResult = true;

    @Override
    public Optional<TcpCounters> tcpStatistics() {
      return Optional.of(new TcpCounters(5000, 12));
    }

    @Override
    public List<String> dnsServers() {
      return List.of("10.1.1.1");
    }

    @Override
    public Optional<IeProxyConfig> ieProxyConfig() {
      return Optional.of(new IeProxyConfig(false, null, "10.0.0.5:8080"));
    }

    @Override
    public Map<String, Object> internetSettings() {
      return Map.of();
    }

    @Override
    public boolean flushResolverCache() {
      flushed = true;
      return flushResult;
    }

    @Override
    public AutoCloseable onInterfaceChange(Runnable onChange) {
      return () -> {};
    }
  }

  @Test
  void windows_nativeApiPresent_usedForCountersDnsProxyFlush() {
    FakeWindowsApi api = new FakeWindowsApi();
    FakeRunner r = new FakeRunner(Map.of("ipconfig /all", new CommandRunner.Result(0, Fixtures.read("windows/ipconfig_all.txt"), "")));
    WindowsPlatform w = new WindowsPlatform(api, r);
    assertEquals(12, w.tcpCounters().orElseThrow().retransSegs());
    assertEquals(List.of("10.1.1.1"), w.netState().dnsServers());
    assertEquals("192.168.178.1", w.netState().defaultRoutes().get(1).gateway());
    assertEquals(new ProxySetting("windows", "manual", true), w.systemProxies().get(0));
    FlushResult f = w.dnsFlusher().flush(false);
    assertTrue(api.flushed);
    assertEquals("flushed", f.steps().get(0).status());
  }

  @Test
  void windows_nativeLibraryMissing_degradesWithClearMessage() {
    FakeRunner r = new FakeRunner(Map.of("ipconfig /all", new CommandRunner.Result(0, Fixtures.read("windows/ipconfig_all.txt"), "")));
    WindowsPlatform w = new WindowsPlatform("native Windows APIs unavailable (UnsatisfiedLinkError: jnidispatch)", r);
    assertTrue(w.tcpCounters().isEmpty());
    assertEquals(List.of("192.168.178.1", "fd00::3a10:d5ff:fe00:1"), w.netState().dnsServers());
    assertTrue(w.limitations().get(0).contains("UnsatisfiedLinkError"));
    FlushResult f = w.dnsFlusher().flush(false);
    assertEquals("failed", f.steps().get(0).status());
    assertTrue(f.steps().get(0).reason().contains("ipconfig /flushdns"));
  }
}
