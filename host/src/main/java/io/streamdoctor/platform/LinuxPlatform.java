package io.streamdoctor.platform;

import io.streamdoctor.dns.DnsFlusher;
import io.streamdoctor.dns.LinuxDnsFlusher;
import io.streamdoctor.dns.ProcScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Linux: everything from procfs/sysfs files (no processes spawned on the polling path). The roots
 * are injectable so tests can point the reader at fixture trees.
 */
public final class LinuxPlatform implements Platform {
  private static final int IFF_UP = 0x1;

  private final Path proc;
  private final Path sys;
  private final Path etc;
  private final Path run;
  private final Map<String, String> env;
  private final Path home;
  private final CommandRunner runner;
  private final Supplier<Map<String, List<String>>> addresses;
  private volatile String pushProblem;

  public LinuxPlatform(Path proc, Path sys, Path etc, Path run, Map<String, String> env, Path home,
      CommandRunner runner, Supplier<Map<String, List<String>>> addresses) {
    this.proc = proc;
    this.sys = sys;
    this.etc = etc;
    this.run = run;
    this.env = env;
    this.home = home;
    this.runner = runner;
    this.addresses = addresses;
  }

  public static LinuxPlatform system() {
    return new LinuxPlatform(Path.of("/proc"), Path.of("/sys"), Path.of("/etc"), Path.of("/run"),
        System.getenv(), Path.of(System.getProperty("user.home", "/")), new ProcessRunner(),
        JavaAddresses::read);
  }

  @Override
  public String name() {
    return "linux";
  }

  @Override
  public NetState netState() {
    Map<String, List<String>> addrs = addresses.get();
    Map<String, NetIface> ifaces = new HashMap<>();
    try (Stream<Path> dirs = Files.list(sys.resolve("class/net"))) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String name = d.getFileName().toString();
        ifaces.put(name, readIface(d, name, addrs.getOrDefault(name, List.of())));
      }
    } catch (IOException e) {
      // No sysfs (a restricted container): fall back to what the JDK sees.
      ifaces.putAll(JavaAddresses.interfaces());
    }
    List<DefaultRoute> routes = new ArrayList<>(ProcNetRouteParser.defaultRoutes(read(proc.resolve("net/route"))));
    routes.addAll(ProcNetRouteParser.ipv6DefaultRoutes(read(proc.resolve("net/ipv6_route"))));
    return new NetState(ifaces, routes, dnsServers());
  }

  private NetIface readIface(Path dir, String name, List<String> addrs) {
    String flagsText = read(dir.resolve("flags")).trim();
    String oper = read(dir.resolve("operstate")).trim();
    int flags = 0;
    try {
      flags = Integer.decode(flagsText.isEmpty() ? "0" : flagsText);
    } catch (NumberFormatException e) {
      // Unknown flags: treat as down rather than invent state.
    }
    // operstate (RFC 2863 ifOperStatus): "unknown" is what loopback and many tun drivers report.
    boolean running = oper.equals("up") || oper.equals("unknown") || oper.equals("dormant");
    return new NetIface(name, (flags & IFF_UP) != 0, running, addrs);
  }

  /** resolv.conf, plus systemd-resolved's upstream list when the stub (127.0.0.53) is in use. */
  public List<String> dnsServers() {
    List<String> servers = new ArrayList<>(ResolvConfParser.nameservers(read(etc.resolve("resolv.conf"))));
    Path upstream = run.resolve("systemd/resolve/resolv.conf");
    if (Files.exists(upstream)) {
      ResolvConfParser.nameservers(read(upstream)).stream().filter(s -> !servers.contains(s)).forEach(servers::add);
    }
    return servers;
  }

  @Override
  public Optional<TcpCounters> tcpCounters() {
    return ProcNetSnmpParser.parse(read(proc.resolve("net/snmp")));
  }

  @Override
  public List<ProxySetting> systemProxies() {
    List<ProxySetting> out = new ArrayList<>();
    EnvProxyParser.parse(env).ifPresent(out::add);
    // gsettings without a session bus answers from a memory backend (defaults): not evidence.
    if (env.containsKey("DBUS_SESSION_BUS_ADDRESS") && Files.isExecutable(Path.of("/usr/bin/gsettings"))) {
      CommandRunner.Result r = runner.run(
          List.of("/usr/bin/gsettings", "get", "org.gnome.system.proxy", "mode"), Duration.ofSeconds(2));
      if (r.ok()) {
        DesktopProxyParser.gnome(r.stdout()).ifPresent(out::add);
      }
    }
    Path kio = home.resolve(".config/kioslaverc");
    if (Files.isReadable(kio)) {
      DesktopProxyParser.kde(read(kio)).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public List<WifiReading> wifi() {
    return ProcNetWirelessParser.parse(read(proc.resolve("net/wireless")));
  }

  @Override
  public DnsFlusher dnsFlusher() {
    return new LinuxDnsFlusher(new ProcScanner(proc), runner);
  }

  /** Kernel push (rtnetlink) where JNA and the socket are available; polling covers the rest. */
  @Override
  public AutoCloseable watchChanges(Runnable trigger) {
    try {
      return new LinuxNetlink(trigger);
    } catch (LinkageError | RuntimeException e) {
      pushProblem = "no netlink change notifications (" + e.getMessage() + "): changes are seen by polling only";
      java.util.logging.Logger.getLogger(LinuxPlatform.class.getName()).warning(pushProblem);
      return () -> {};
    }
  }

  @Override
  public List<String> limitations() {
    List<String> out = new ArrayList<>();
    if (pushProblem != null) {
      out.add(pushProblem);
    }
    if (!Files.isDirectory(sys.resolve("class/net"))) {
      out.add("/sys/class/net is not readable: interface state comes from the JDK instead");
    }
    if (!Files.isReadable(proc.resolve("net/snmp"))) {
      out.add("/proc/net/snmp is not readable: no TCP retransmission rate");
    }
    return out;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
