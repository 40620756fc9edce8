package io.streamdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real jar in host mode: a break is saved, listed over the protocol and reported by the CLI. */
@Timeout(90)
class HistoryHostIT {
  @TempDir Path home;

  private Process start(String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] cmd = new String[args.length + 3];
    cmd[0] = java;
    cmd[1] = "-jar";
    cmd[2] = System.getProperty("streamdoctor.jar");
    System.arraycopy(args, 0, cmd, 3, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("STREAMDOCTOR_HOME", home.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(body.length).array());
    out.write(body);
    out.flush();
  }

  private static JsonNode read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    byte[] len = new byte[4];
    d.readFully(len);
    byte[] body = new byte[ByteBuffer.wrap(len).order(ByteOrder.nativeOrder()).getInt()];
    d.readFully(body);
    return Json.MAPPER.readTree(body);
  }

  private static JsonNode readUntil(InputStream in, String type) throws IOException {
    JsonNode n;
    do {
      n = read(in);
    } while (!type.equals(n.path("type").asText()));
    return n;
  }

  @Test
  void host_break_isSavedListedAndReported() throws Exception {
    Path db = home.resolve("data/history.db");
    Process host = start("host");
    OutputStream out = host.getOutputStream();
    InputStream in = host.getInputStream();
    assertEquals("hello", read(in).get("type").asText());
    send(out, "{\"v\":1,\"type\":\"ping\",\"id\":\"p\"}");
    readUntil(in, "pong");
    assertFalse(Files.exists(db), "history must not open before it is needed");
    long t = System.currentTimeMillis();
    send(out, "{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":" + t + ",\"stream\":\"1:1\","
        + "\"site\":\"chatgpt\",\"url\":\"https://chatgpt.com/backend-api/conversation?q=SECRET\","
        + "\"kind\":\"sse\",\"tabId\":1,\"payloadBytes\":100}");
    send(out, "{\"v\":1,\"type\":\"stream.end\",\"seq\":2,\"ts\":" + (t + 800) + ",\"stream\":\"1:1\","
        + "\"outcome\":\"error\",\"frames\":10,\"bytes\":1000,\"durationMs\":800,\"terminalSeen\":false,"
        + "\"errorName\":\"TypeError\",\"httpStatus\":200}");
    String breakId = readUntil(in, "diagnosis").at("/break/breakId").asText();
    send(out, "{\"v\":1,\"type\":\"history\",\"id\":\"h\",\"limit\":5}");
    JsonNode history = readUntil(in, "history");
    assertEquals("h", history.get("id").asText());
    assertEquals(breakId, history.at("/breaks/0/breakId").asText());
    send(out, "{\"v\":1,\"type\":\"report\",\"id\":\"r\",\"last\":true,\"format\":\"md\"}");
    JsonNode report = readUntil(in, "report");
    assertTrue(report.get("content").asText().contains(breakId));
    out.close();
    assertTrue(host.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, host.exitValue());

    Path html = home.resolve("report.html");
    Process cli = start("report", "--last", "--format", "html", "--out", html.toString());
    assertTrue(cli.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, cli.exitValue());
    String page = Files.readString(html);
    assertTrue(page.contains(breakId) && page.contains("<svg"));
    assertFalse(page.contains("SECRET"));
    assertFalse(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1).contains("SECRET"));
  }
}
