package io.streamdoctor.it;

import io.streamdoctor.testing.TestDnsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Events a hostile page's script can cause, and the configuration of the host that receives them. */
final class HostileEvents {
  private final AtomicLong seq = new AtomicLong();

  /**
   * targets.json for the adversarial tests: one resolver (the test's DNS server) for everything, no
   * identity queries, the default sites pointed at a closed port, and a "lab" site whose only host
   * chat.lab.test is configured on port {@code labPort} (a counting listener) without TLS.
   */
  static void writeTargets(Path home, TestDnsServer dns, int labPort) throws IOException {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/targets.json"), """
        {"systemResolvers":["%1$s"],"publicResolvers":["%1$s"],"dohUrl":null,"identity":[],
         "sites":[{"id":"chatgpt","hosts":["chatgpt.com","chat.openai.com"],"wsUrl":null,"statusUrl":null},
                  {"id":"claude","hosts":["claude.ai"],"wsUrl":null,"statusUrl":null},
                  {"id":"gemini","hosts":["gemini.google.com"],"wsUrl":null,"statusUrl":null},
                  {"id":"copilot","hosts":["copilot.microsoft.com"],"wsUrl":null,"statusUrl":null},
                  {"id":"perplexity","hosts":["www.perplexity.ai"],"wsUrl":null,"statusUrl":null},
                  {"id":"lab","hosts":["chat.lab.test"],"wsUrl":null,"statusUrl":null,"port":%2$d,"tls":false}],
         "connect":{"chat.lab.test":"127.0.0.1:%2$d","chatgpt.com":"127.0.0.1:9","chat.openai.com":"127.0.0.1:9",
                    "claude.ai":"127.0.0.1:9","gemini.google.com":"127.0.0.1:9",
                    "copilot.microsoft.com":"127.0.0.1:9","www.perplexity.ai":"127.0.0.1:9"}}
        """.formatted(dns.address(), labPort));
  }

  /** The seq of the last event made so far. */
  long lastSeq() {
    return seq.get();
  }

  /** stream.open then stream.end with an error: one break, in two frames. */
  String[] brokenStream(String stream, String site, String url, long ts) {
    int tab = Integer.parseInt(stream.split(":")[0]);
    String kind = url.startsWith("ws") ? "ws" : "sse";
    return new String[] {
        "{\"v\":1,\"type\":\"stream.open\",\"seq\":" + seq.incrementAndGet() + ",\"ts\":" + ts + ",\"stream\":\"" + stream
            + "\",\"site\":\"" + site + "\",\"url\":\"" + url + "\",\"kind\":\"" + kind + "\",\"tabId\":" + tab
            + ",\"payloadBytes\":100}",
        "{\"v\":1,\"type\":\"stream.end\",\"seq\":" + seq.incrementAndGet() + ",\"ts\":" + (ts + 40) + ",\"stream\":\""
            + stream + "\",\"outcome\":\"error\",\"frames\":0,\"bytes\":0,\"durationMs\":40,\"errorName\":\"TypeError\"}"};
  }
}
