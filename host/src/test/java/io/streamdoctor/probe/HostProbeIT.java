package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.testing.JarRunner;
import io.streamdoctor.testing.TestDnsServer;
import io.streamdoctor.testing.TestTcpServers;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real jar in host mode answers probe and flush_dns over native-messaging frames. */
@Timeout(60)
class HostProbeIT {
  @TempDir Path home;

  static void send(OutputStream out, String json) throws Exception {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
    out.write(b);
    out.flush();
  }

  static JsonNode read(InputStream in) throws Exception {
    DataInputStream d = new DataInputStream(in);
    byte[] len = new byte[4];
    d.readFully(len);
    byte[] body = new byte[ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt()];
    d.readFully(body);
    return Json.MAPPER.readTree(body);
  }

  static JsonNode reply(InputStream in, String id) throws Exception {
    while (true) {
      JsonNode n = read(in);
      if (id.equals(n.path("id").asText())) {
        return n;
      }
    }
  }

  @Test
  void host_probeAndFlush_repliesWithDocumentedShapes() throws Exception {
    try (TestDnsServer dns = new TestDnsServer(); TestTcpServers tcp = new TestTcpServers(TestTcpServers.Behavior.STALL)) {
      Files.createDirectories(home.resolve("config"));
      Files.writeString(home.resolve("config/targets.json"), """
          {"systemResolvers":["%s"],"publicResolvers":[],"dohUrl":null,"identity":[],
           "sites":[{"id":"lab","hosts":["chat.example.test"],"port":%d,"tls":false}],
           "connect":{"chat.example.test":"127.0.0.1:%d"}}""".formatted(dns.address(), tcp.port(), tcp.port()));
      ProcessBuilder pb = new ProcessBuilder(JarRunner.command("host"));
      pb.environment().put("STREAMDOCTOR_HOME", home.toString());
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      try {
        JsonNode hello = read(p.getInputStream());
        assertTrue(hello.path("capabilities").toString().contains("probe"), hello.toString());
        send(p.getOutputStream(), "{\"v\":1,\"type\":\"probe\",\"id\":\"r1\",\"site\":\"lab\"}");
        JsonNode probe = reply(p.getInputStream(), "r1");
        assertEquals("probe.result", probe.path("type").asText(), probe.toString());
        assertEquals("chat.example.test", probe.path("host").asText());
        assertTrue(probe.path("evidence").toString().contains("\"type\":\"probe.dns\""), probe.toString());
        assertTrue(probe.path("evidence").toString().contains("\"type\":\"probe.tcp\""), probe.toString());
        send(p.getOutputStream(), "{\"v\":1,\"type\":\"flush_dns\",\"id\":\"r2\",\"dryRun\":true}");
        JsonNode flush = reply(p.getInputStream(), "r2");
        assertEquals("flush.result", flush.path("type").asText(), flush.toString());
        assertTrue(flush.path("dryRun").asBoolean());
        assertTrue(flush.path("browserNote").asText().contains("net-internals"));
        send(p.getOutputStream(), "{\"v\":1,\"type\":\"probe\",\"id\":\"r3\"}");
        assertEquals(107, reply(p.getInputStream(), "r3").path("code").asInt());
      } finally {
        p.getOutputStream().close();
        p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        p.destroyForcibly();
      }
    }
  }

}
