package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code streamdoctor lab} as users and the browser tests start it: the real jar. */
@Timeout(60)
class LabCommandIT {
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static String jar;

  @BeforeAll
  static void needsJar() {
    jar = System.getProperty("streamdoctor.jar");
    assumeTrue(jar != null && Files.exists(Path.of(jar)), "streamdoctor.jar not built");
  }

  static Process start(String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of(JAVA, "-jar", jar, "lab"));
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Reads stdout up to the "lab listening" line (printed last); returns every line read. */
  static List<String> banner(Process p) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      lines.add(line);
      if (line.startsWith("lab listening on ")) {
        return lines;
      }
    }
    throw new AssertionError("no 'lab listening' line: " + lines);
  }

  static int port(List<String> lines, String regex) {
    Pattern p = Pattern.compile(regex);
    for (String l : lines) {
      Matcher m = p.matcher(l);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError(regex + " not in " + lines);
  }

  @Test
  void lab_withProxy_printsAddressesServesThroughProxyAndStopsOnStdinEof() throws Exception {
    Process p = start("--port", "0", "--proxy", "--latency-ms", "120", "--until-stdin-closes");
    try {
      List<String> lines = banner(p);
      int http = port(lines, "^lab listening on http://127\\.0\\.0\\.1:(\\d+)/$");
      int proxy = port(lines, "^lab proxy on http://127\\.0\\.0\\.1:(\\d+)/ -> 127\\.0\\.0\\.1:" + http);
      port(lines, "^lab websocket on ws://127\\.0\\.0\\.1:(\\d+)/lab/ws/$");

      RawClient.Result direct = RawClient.post(http, "/lab/sse/q1?frames=2&gap_ms=1", 5000);
      assertTrue(direct.text().contains("[DONE]"));
      RawClient.Result slow = RawClient.post(proxy, "/lab/sse/q2?frames=2&gap_ms=1", 5000);
      assertTrue(slow.text().contains("[DONE]"));
      assertTrue(slow.elapsedMs() >= 240, "latency both ways: " + slow.elapsedMs() + " ms");

      p.getOutputStream().close();
      assertTrue(p.waitFor(15, TimeUnit.SECONDS), "lab exits when stdin closes");
      assertEquals(0, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void lab_portOutOfRange_isAUsageError() throws Exception {
    Process p = start("--port", "70000", "--duration", "1");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
  }

  @Test
  void labFetch_reportsResetAndEof() throws Exception {
    Process lab = start("--port", "0", "--duration", "40");
    try {
      int http = port(banner(lab), "^lab listening on http://127\\.0\\.0\\.1:(\\d+)/$");
      Process ok = new ProcessBuilder(JAVA, "-jar", jar, "lab", "fetch",
          "http://127.0.0.1:" + http + "/lab/sse/f1?frames=2&gap_ms=1").start();
      Process rst = new ProcessBuilder(JAVA, "-jar", jar, "lab", "fetch",
          "http://127.0.0.1:" + http + "/lab/sse/f2?fault=rst&at=1&gap_ms=1").start();
      assertTrue(ok.waitFor(30, TimeUnit.SECONDS) && rst.waitFor(30, TimeUnit.SECONDS));
      assertTrue(new String(ok.getErrorStream().readAllBytes()).contains("ended=eof"));
      assertEquals(0, ok.exitValue());
      assertTrue(new String(rst.getErrorStream().readAllBytes()).contains("ended=reset"));
      assertNotEquals(0, rst.exitValue());
    } finally {
      lab.destroyForcibly();
    }
  }
}
