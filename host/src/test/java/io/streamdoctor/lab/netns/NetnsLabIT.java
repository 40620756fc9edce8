package io.streamdoctor.lab.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lab server inside one namespace, a client inside another, a firewall reset mid-stream; and
 * the pair's helpers. Runs as root only (skipped with the reason otherwise).
 */
@Timeout(120)
class NetnsLabIT {
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static String jar;

  @BeforeAll
  static void needsRootAndJar() {
    Optional<String> why = Netns.unavailableReason();
    assumeTrue(why.isEmpty(), why.orElse(""));
    jar = System.getProperty("streamdoctor.jar");
    assumeTrue(jar != null && Files.exists(Path.of(jar)), "streamdoctor.jar not built");
  }

  static List<String> fetch(String url, int timeoutMs) {
    return List.of(JAVA, "-jar", jar, "lab", "fetch", "--timeout-ms", Integer.toString(timeoutMs), url);
  }

  static List<String> netnsList() {
    return Cmd.run(List.of(Netns.which("ip").orElseThrow(), "netns", "list"), Duration.ofSeconds(10))
        .orThrow().out().lines().map(l -> l.split(" ")[0]).toList();
  }

  @Test
  void labInServerNs_clientNs_streamsThenRejectRuleResetsMidStream() throws Exception {
    String srv;
    String cli;
    try (NetnsPair pair = NetnsPair.create()) {
      srv = pair.server();
      cli = pair.client();
      assertTrue(netnsList().containsAll(List.of(srv, cli)));
      Process lab = pair.start(srv, List.of(JAVA, "-jar", jar, "lab", "--bind", pair.serverAddr(),
          "--port", "0", "--dns-port", "53", "--dns", "chatgpt.com=" + pair.serverAddr(),
          "--until-stdin-closes"));
      int port = waitForPort(lab, pair.serverAddr());
      String base = "http://" + pair.serverAddr() + ":" + port + "/lab/sse/";

      // The client namespace resolves through the lab DNS server (ip-netns(8) bind-mounts this).
      pair.resolvConf(cli, pair.serverAddr());
      if (Netns.which("getent").isPresent()) {
        Cmd.Result dns = pair.exec(cli, List.of("getent", "hosts", "chatgpt.com"), Duration.ofSeconds(20));
        assertTrue(dns.out().startsWith(pair.serverAddr()), dns.out() + dns.err());
        assertFalse(pair.exec(cli, List.of("getent", "hosts", "example.org"), Duration.ofSeconds(20)).ok(),
            "other names are NXDOMAIN");
      }

      Cmd.Result clean = pair.exec(cli, fetch(base + "n1?frames=3&gap_ms=1", 10_000), Duration.ofSeconds(60));
      assertTrue(clean.out().contains("data: [DONE]"), clean.out() + clean.err());
      assertTrue(clean.err().contains("ended=eof"), clean.err());

      Process drip = pair.start(cli, fetch(base + "n2?fault=drip&frames=200&gap_ms=100", 20_000));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      Thread reader = pump(drip.getInputStream(), got);
      long deadline = System.currentTimeMillis() + 30_000;
      while (!new String(got.toByteArray(), StandardCharsets.UTF_8).contains("\"v\":")
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(got.size() > 0, "the drip stream started");
      pair.rejectWithReset(port);
      assertTrue(drip.waitFor(30, TimeUnit.SECONDS), "client ended after the REJECT rule");
      reader.join(5000);
      String err = new String(drip.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(err.contains("ended=reset"), err);
      assertFalse(new String(got.toByteArray(), StandardCharsets.UTF_8).contains("[DONE]"));
      lab.getOutputStream().close(); // --until-stdin-closes: the lab stops on its own
      assertTrue(lab.waitFor(20, TimeUnit.SECONDS), "lab stopped when stdin closed");
    }
    assertFalse(netnsList().contains(srv), "server namespace deleted");
    assertFalse(netnsList().contains(cli), "client namespace deleted");
    assertFalse(Files.exists(Path.of("/etc/netns", cli)), "resolv.conf folder removed");
  }

  @Test
  void pairHelpers_linkFlapTunAndRandomDrop_applyAndTearDown() {
    String srv;
    String cli;
    try (NetnsPair pair = NetnsPair.create()) {
      srv = pair.server();
      cli = pair.client();
      Duration t = Duration.ofSeconds(20);
      List<String> ping = List.of("ping", "-c", "1", "-W", "2", pair.serverAddr());
      boolean hasPing = Netns.which("ping").isPresent();
      if (hasPing) {
        assertTrue(pair.exec(cli, ping, t).ok(), "the veth pair carries packets");
      }
      pair.clientLink(false);
      String down = pair.exec(cli, List.of("ip", "-o", "link", "show", pair.clientIf()), t).out();
      assertFalse(down.contains(",UP"), down);
      pair.clientLink(true);
      assertTrue(pair.exec(cli, List.of("ip", "-o", "link", "show", pair.clientIf()), t).out().contains(",UP"));
      pair.addTun(cli, "tun7");
      assertTrue(pair.exec(cli, List.of("ip", "-o", "link", "show", "tun7"), t).ok());
      pair.dropRandomly(0.25);
      String rules = pair.exec(cli, List.of("iptables", "-S", "INPUT"), t).orThrow().out();
      assertTrue(rules.contains("--mode random --probability 0.25"), rules);
      String routes = pair.exec(cli, List.of("ip", "route", "show", "default"), t).out();
      assertEquals("", routes.strip(), "no default route out of the lab");
    }
    assertFalse(netnsList().contains(srv));
    assertFalse(netnsList().contains(cli));
  }

  static int waitForPort(Process lab, String addr) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
    Pattern p = Pattern.compile("lab listening on http://" + Pattern.quote(addr) + ":(\\d+)/");
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      seen.add(line);
      Matcher m = p.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    assertNotNull(null, "lab never said it was listening: " + seen);
    return -1;
  }

  static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[4096];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          synchronized (sink) {
            sink.write(buf, 0, n);
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
