package io.streamdoctor.lab.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Two network namespaces, {@code sdlab-srv-<id>} and {@code sdlab-cli-<id>}, joined by one veth
 * pair on 10.213.X.0/30 (server .1, client .2) and nothing else: no default route, so nothing in
 * them can reach beyond the pair. Every command is a fixed argument vector. {@link #close} (also
 * run by a shutdown hook) kills what was started inside and deletes both namespaces.
 */
public final class NetnsPair implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NetnsPair.class.getName());
  private static final Duration T = Duration.ofSeconds(20);

  private final String ip = Netns.which("ip").orElseThrow(() -> new NetnsException("no 'ip' command"));
  private final String id;
  private final int octet;
  private final List<Process> started = new CopyOnWriteArrayList<>();
  private final Thread hook = new Thread(this::teardown, "sdlab-netns-teardown");
  private boolean closed;

  private NetnsPair(String id, int octet) {
    this.id = id;
    this.octet = octet;
  }

  /** Creates and wires the pair; on any failure what was made is deleted again. */
  public static NetnsPair create() {
    SecureRandom r = new SecureRandom();
    NetnsPair p = new NetnsPair(HexFormat.of().formatHex(r.generateSeed(3)), r.nextInt(256));
    Runtime.getRuntime().addShutdownHook(p.hook);
    try {
      p.setUp();
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void setUp() {
    ip("netns", "add", server());
    ip("netns", "add", client());
    ip("link", "add", serverIf(), "netns", server(), "type", "veth", "peer", "name", clientIf(),
        "netns", client());
    ip("-n", server(), "addr", "add", serverAddr() + "/30", "dev", serverIf());
    ip("-n", client(), "addr", "add", clientAddr() + "/30", "dev", clientIf());
    for (String ns : List.of(server(), client())) {
      ip("-n", ns, "link", "set", "lo", "up");
    }
    ip("-n", server(), "link", "set", serverIf(), "up");
    ip("-n", client(), "link", "set", clientIf(), "up");
  }

  public String server() {
    return "sdlab-srv-" + id;
  }

  public String client() {
    return "sdlab-cli-" + id;
  }

  public String serverIf() {
    return "sdv" + id + "s";
  }

  public String clientIf() {
    return "sdv" + id + "c";
  }

  public String serverAddr() {
    return "10.213." + octet + ".1";
  }

  public String clientAddr() {
    return "10.213." + octet + ".2";
  }

  /** Runs a command inside a namespace and waits for it. */
  public Cmd.Result exec(String ns, List<String> command, Duration timeout) {
    return Cmd.run(inNs(ns, command), timeout);
  }

  /** Starts a command inside a namespace; it is killed on {@link #close}. */
  public Process start(String ns, List<String> command) throws IOException {
    Process p = new ProcessBuilder(inNs(ns, command)).start();
    started.add(p);
    return p;
  }

  /** Takes the client's interface down or up (an interface flap as the browser sees it). */
  public void clientLink(boolean up) {
    ip("-n", client(), "link", "set", "dev", clientIf(), up ? "up" : "down");
  }

  /** Appends an iptables rule in a namespace, e.g. {@code ["INPUT", "-p", "tcp", "-j", "DROP"]}. */
  public void iptables(String ns, List<String> rule) {
    List<String> argv = new ArrayList<>(List.of("iptables", "-w", "5", "-A"));
    argv.addAll(rule);
    exec(ns, argv, T).orThrow();
  }

  /** The server answers every packet to {@code port} with a TCP RST (a firewall that resets). */
  public void rejectWithReset(int port) {
    iptables(server(), List.of("INPUT", "-p", "tcp", "--dport", Integer.toString(port),
        "-j", "REJECT", "--reject-with", "tcp-reset"));
  }

  /** The server silently drops every packet to {@code port} (a blackholing path). */
  public void drop(int port) {
    iptables(server(), List.of("INPUT", "-p", "tcp", "--dport", Integer.toString(port), "-j", "DROP"));
  }

  /** The client drops incoming packets at random with this probability (packet loss; no netem here). */
  public void dropRandomly(double probability) {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1");
    }
    iptables(client(), List.of("INPUT", "-m", "statistic", "--mode", "random",
        "--probability", String.format(java.util.Locale.ROOT, "%.4f", probability), "-j", "DROP"));
  }

  /** Adds and raises a tun device in a namespace (a VPN interface appearing). */
  public void addTun(String ns, String name) {
    if (!name.matches("[a-z][a-z0-9]{0,14}")) {
      throw new IllegalArgumentException("bad interface name " + name);
    }
    ip("-n", ns, "tuntap", "add", "dev", name, "mode", "tun");
    ip("-n", ns, "link", "set", "dev", name, "up");
  }

  /** Points a namespace's resolver at {@code nameserver} (read by ip netns exec, ip-netns(8)). */
  public void resolvConf(String ns, String nameserver) throws IOException {
    Path dir = Path.of("/etc/netns", ns);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("resolv.conf"), "nameserver " + nameserver + "\n");
  }

  private List<String> inNs(String ns, List<String> command) {
    if (!ns.equals(server()) && !ns.equals(client())) {
      throw new IllegalArgumentException("not one of this pair's namespaces: " + ns);
    }
    List<String> argv = new ArrayList<>(List.of(ip, "netns", "exec", ns));
    argv.addAll(command);
    return argv;
  }

  private void ip(String... args) {
    List<String> argv = new ArrayList<>(List.of(ip));
    argv.addAll(List.of(args));
    Cmd.run(argv, T).orThrow();
  }

  @Override
  public void close() {
    teardown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or ran
    }
  }

  private synchronized void teardown() {
    if (closed) {
      return;
    }
    closed = true;
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroy();
      try {
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (String ns : List.of(server(), client())) {
      // deleting a namespace also deletes the veth end inside it, and its iptables rules
      Cmd.Result r = Cmd.run(List.of(ip, "netns", "del", ns), T);
      if (!r.ok() && !r.err().contains("No such file")) {
        LOG.warning("could not delete namespace " + ns + ": " + r.err().strip());
      }
      try {
        Path conf = Path.of("/etc/netns", ns);
        Files.deleteIfExists(conf.resolve("resolv.conf"));
        Files.deleteIfExists(conf);
      } catch (IOException e) {
        LOG.warning("could not remove /etc/netns/" + ns + ": " + e.getMessage());
      }
    }
  }
}
