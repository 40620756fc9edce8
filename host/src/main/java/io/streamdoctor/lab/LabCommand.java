package io.streamdoctor.lab;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.lab.dns.DnsRule;
import io.streamdoctor.lab.proxy.FaultProxy;
import io.streamdoctor.lab.proxy.ProxyControlApi;
import io.streamdoctor.lab.proxy.Toxics;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamdoctor lab}: the fault lab (docs/lab.md). */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    subcommands = {LabFetchCommand.class},
    description = {
      "Run a local chat simulator that breaks answer streams on purpose (see docs/lab.md).",
      "Open the printed address, pick a fault, press Send and watch StreamDoctor explain the break."
    })
public final class LabCommand implements Callable<Integer> {
  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--port", defaultValue = "8719", description = "HTTP port for page and streams; 0 = any free port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--ws-port", defaultValue = "0", description = "WebSocket port (default: any free port).")
  int wsPort;

  @Option(names = "--https-port", defaultValue = "-1", description = "Also serve HTTPS with a throw-away self-signed certificate on this port (0 = any).")
  int httpsPort;

  @Option(names = "--dns-port", defaultValue = "-1", description = "Also run a lab DNS server on this UDP port (0 = any; 53 for /etc/netns resolv.conf).")
  int dnsPort;

  @Option(names = "--dns", paramLabel = "NAME=RULE", description = "A lab DNS rule: NAME=IP, NAME=nxdomain, NAME=servfail or NAME=drop (repeatable).")
  java.util.List<String> dnsRules = new java.util.ArrayList<>();

  @Option(names = "--dns-default", paramLabel = "RULE", defaultValue = "nxdomain", description = "What other names get: IP, nxdomain, servfail or drop (default ${DEFAULT-VALUE}).")
  String dnsDefault;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds.")
  Long durationS;

  @Option(names = "--until-stdin-closes", description = "Stop when standard input reaches end of file.")
  boolean untilStdinCloses;

  @Option(names = "--proxy", description = "Also start a fault proxy in front of the HTTP port.")
  boolean proxy;

  @Option(names = "--proxy-port", defaultValue = "0", description = "Fault proxy port (default: any).")
  int proxyPort;

  @Option(names = "--proxy-control-port", defaultValue = "0", description = "Proxy control API port (default: any).")
  int proxyControlPort;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Proxy: added latency per chunk.")
  long latencyMs;

  @Option(names = "--jitter-ms", defaultValue = "0", description = "Proxy: latency varies by ± this.")
  long jitterMs;

  @Option(names = "--bandwidth", defaultValue = "0", paramLabel = "BYTES_PER_S", description = "Proxy: downstream bandwidth limit.")
  long bandwidth;

  @Option(names = "--reset-after-bytes", defaultValue = "-1", description = "Proxy: RST after this many downstream bytes.")
  long resetAfterBytes;

  @Option(names = "--reset-after-ms", defaultValue = "-1", description = "Proxy: RST connections older than this.")
  long resetAfterMs;

  @Option(names = "--blackhole", description = "Proxy: drop every byte, keep connections open.")
  boolean blackhole;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InetAddress addr;
    Toxics toxics;
    for (int p : new int[] {port, wsPort, httpsPort, dnsPort, proxyPort, proxyControlPort}) {
      if (p < -1 || p > 65535) {
        err.println("streamdoctor lab: port " + p + " is outside 0..65535");
        return ExitCodes.USAGE;
      }
    }
    java.util.List<java.util.Map.Entry<String, DnsRule>> rules = new java.util.ArrayList<>();
    DnsRule fallback;
    try {
      addr = InetAddress.getByName(bind);
      toxics = new Toxics(latencyMs, jitterMs, bandwidth, resetAfterBytes, resetAfterMs, blackhole);
      for (String r : dnsRules) {
        rules.add(DnsRule.parse(r));
      }
      fallback = DnsRule.parse("*=" + dnsDefault).getValue();
    } catch (java.net.UnknownHostException | IllegalArgumentException e) {
      err.println("streamdoctor lab: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    LabServer.Options opts = new LabServer.Options(addr, port, wsPort, httpsPort, dnsPort, 64);
    try (LabServer lab = LabServer.start(opts);
        FaultProxy fp = proxy ? new FaultProxy(new InetSocketAddress(addr, proxyPort),
            new InetSocketAddress(addr, lab.port()), 32) : null;
        ProxyControlApi api = fp == null ? null
            : new ProxyControlApi(new InetSocketAddress(addr, proxyControlPort), fp)) {
      String host = addr.getHostAddress();
      out.printf("lab websocket on ws://%s:%d/lab/ws/%n", host, lab.wsPort());
      if (lab.dns() != null) {
        rules.forEach(r -> lab.dns().rule(r.getKey(), r.getValue()));
        lab.dns().fallback(fallback);
        out.printf("lab dns on udp://%s:%d%n", host, lab.dns().port());
      }
      if (lab.httpsPort() >= 0) {
        out.printf("lab https on https://%s:%d/%n", host, lab.httpsPort());
      }
      if (fp != null) {
        fp.setToxics(toxics);
        out.printf("lab proxy on http://%s:%d/ -> %s:%d control http://%s:%d/toxics%n",
            host, fp.port(), host, lab.port(), host, api.port());
      }
      // Last, so a reader that waits for this line has every other address already.
      out.printf("lab listening on http://%s:%d/%n", host, lab.port());
      out.flush();
      waitForStop();
    }
    return ExitCodes.OK;
  }

  private void waitForStop() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    if (untilStdinCloses) {
      Thread t = new Thread(() -> {
        try {
          while (System.in.read() >= 0) {
            // discard: only the end of input matters
          }
        } catch (java.io.IOException ignored) {
          // a broken stdin counts as closed
        }
        stop.countDown();
      }, "lab-stdin-watch");
      t.setDaemon(true);
      t.start();
    }
    if (durationS != null) {
      stop.await(durationS, TimeUnit.SECONDS);
    } else {
      stop.await();
    }
  }
}
