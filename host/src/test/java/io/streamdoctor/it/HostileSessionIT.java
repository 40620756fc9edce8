package io.streamdoctor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Ids;
import io.streamdoctor.testing.CountingListener;
import io.streamdoctor.testing.TestDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real host over pipes, fed what a hostile script on a chat page can make the extension send:
 * streams to loopback, private and unlisted hosts that break, and probe requests naming them. A
 * real listener on the loopback port those streams name counts connections (must stay 0) and a
 * real DNS server, the host's only resolver, logs every name asked (none of the page's). A break
 * on the configured lab host is the control: it is probed, on the lab's configured port.
 */
@Timeout(90)
class HostileSessionIT {
  static final String ORIGIN = "chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/";
  @TempDir Path home;

  @Test
  void hostilePage_hostProbesOnlyTheConfiguredSite() throws Exception {
    try (TestDnsServer dns = new TestDnsServer(); CountingListener watched = new CountingListener();
        CountingListener lab = new CountingListener()) {
      HostileEvents.writeTargets(home, dns, lab.port());
      int p = watched.port();
      List<String> hostile = List.of("ws://127.0.0.1:" + p + "/scan", "wss://10.11.12.13:22/", "https://192.168.1.1:" + p + "/",
          "https://rebind.attacker.test:" + p + "/s", "wss://[::1]:" + p + "/", "https://localhost:" + p + "/x",
          "wss://chatgpt.com.attacker.test/", "https://100.64.1.1/", "http://169.254.169.254/latest");
      Path recording = home.resolve("session.jsonl");
      HostileEvents ev = new HostileEvents();
      List<JsonNode> seen = new ArrayList<>();
      try (HostProcess host = HostProcess.start(home, Map.of(), ORIGIN, "--record", recording.toString())) {
        assertEquals("hello", host.read(15_000).path("type").asText());
        long now = System.currentTimeMillis();
        for (int i = 0; i < hostile.size(); i++) {
          String site = i % 3 == 0 ? "generic" : i % 3 == 1 ? "chatgpt" : "lab";
          for (String f : ev.brokenStream("66:" + i, site, hostile.get(i), now + i)) {
            host.send(f);
          }
        }
        // What a page could ask through the extension: probes naming its own targets.
        host.send("{\"v\":1,\"type\":\"probe\",\"id\":\"p1\",\"host\":\"127.0.0.1\"}");
        host.send("{\"v\":1,\"type\":\"probe\",\"id\":\"p2\",\"site\":\"chatgpt\",\"host\":\"10.11.12.13\"}");
        host.send("{\"v\":1,\"type\":\"probe\",\"id\":\"p3\",\"host\":\"rebind.attacker.test\"}");
        // The control: a break on the configured lab host, at a port the page chose.
        for (String f : ev.brokenStream("5:1", "lab", "http://chat.lab.test:5555/lab/stream", now + 100)) {
          host.send(f);
        }
        Set<String> errors = new HashSet<>();
        Set<String> evidenceVerdicts = new HashSet<>();
        boolean controlProbed = false;
        long deadline = System.currentTimeMillis() + 20_000;
        while (!(controlProbed && errors.size() == 3 && evidenceVerdicts.size() == hostile.size() + 1)
            && System.currentTimeMillis() < deadline) {
          JsonNode n = host.read(deadline - System.currentTimeMillis());
          seen.add(n);
          String type = n.path("type").asText();
          if (type.equals("error")) {
            errors.add(n.path("id").asText() + ":" + n.path("code").asInt());
          } else if (type.equals("diagnosis")) {
            String stream = n.at("/break/stream").asText();
            if (n.path("stage").asText().equals("probed")) {
              assertEquals("5:1", stream, "only the configured site's break is probed: " + n);
              controlProbed = true;
            } else {
              evidenceVerdicts.add(stream);
            }
          }
        }
        assertEquals(Set.of("p1:107", "p2:107", "p3:107"), errors, "probe requests outside the fence refused");
        assertEquals(hostile.size() + 1, evidenceVerdicts.size(), "every break still gets its evidence verdict");
        assertTrue(controlProbed, "the configured lab break was probed");
        // Any stray probe of a hostile break would have ended by now (2 s deadline); exit waits for them too.
        Thread.sleep(2_500);
        host.closeStdin();
        host.drain(15_000);
        assertEquals(0, host.waitFor(15_000));
      }
      assertEquals(0, watched.accepted(), "connections to the port the page named");
      assertTrue(lab.accepted() >= 1, "the control was probed on the lab's configured port: " + lab.accepted());
      List<String> names = dns.names();
      assertTrue(names.contains("chat.lab.test"), "the control's name was looked up: " + names);
      assertTrue(names.stream().allMatch("chat.lab.test"::equals), "DNS queries only for the configured host: " + names);
      for (String line : Files.readAllLines(recording)) {
        if (line.contains("\"probe.")) {
          assertTrue(line.contains("chat.lab.test") || line.contains("\"probe.status_page\""), "recorded probe of " + line);
        }
      }
    }
  }
}
