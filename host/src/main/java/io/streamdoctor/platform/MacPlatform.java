package io.streamdoctor.platform;

import io.streamdoctor.dns.DnsFlusher;
import io.streamdoctor.dns.MacDnsFlusher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * macOS through its own tools (scutil reads the SCDynamicStore, netstat the kernel's tcpstat):
 * output parsed by the *Parser classes. Spawning a process is the expensive part, so DNS and route
 * state are re-read at most every {@value #SLOW_REFRESH_MS} ms while interfaces come from the JDK.
 */
public final class MacPlatform implements Platform {
  static final long SLOW_REFRESH_MS = 3_000;
  private static final Duration LIMIT = Duration.ofSeconds(3);

  private final CommandRunner runner;
  private final Cached<List<String>> dns;
  private final Cached<List<DefaultRoute>> routes;

  public MacPlatform(CommandRunner runner) {
    this.runner = runner;
    this.dns = new Cached<>(SLOW_REFRESH_MS, () -> ScutilDnsParser.nameservers(out("/usr/sbin/scutil", "--dns")));
    this.routes = new Cached<>(SLOW_REFRESH_MS, () -> RouteGetParser.parse(out("/sbin/route", "-n", "get", "default")));
  }

  @Override
  public String name() {
    return "macos";
  }

  @Override
  public NetState netState() {
    return new NetState(JavaAddresses.interfaces(), routes.get(), dns.get());
  }

  @Override
  public Optional<TcpCounters> tcpCounters() {
    return NetstatTcpParser.parse(out("/usr/sbin/netstat", "-s", "-p", "tcp"));
  }

  @Override
  public List<ProxySetting> systemProxies() {
    String text = out("/usr/sbin/scutil", "--proxy");
    return text.isEmpty() ? List.of() : List.of(ScutilProxyParser.parse(text));
  }

  @Override
  public List<WifiReading> wifi() {
    // airport -I is gone since macOS 14.4 and wdutil needs root: no signal reading without admin.
    return List.of();
  }

  @Override
  public DnsFlusher dnsFlusher() {
    return new MacDnsFlusher(runner, "root".equals(System.getProperty("user.name")));
  }

  @Override
  public List<String> limitations() {
    List<String> out = new ArrayList<>();
    out.add("Wi-Fi signal is not readable on macOS without administrator rights");
    return out;
  }

  private String out(String... argv) {
    CommandRunner.Result r = runner.run(List.of(argv), LIMIT);
    return r.ok() ? r.stdout() : "";
  }
}
