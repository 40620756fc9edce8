package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
@DisabledOnOs(OS.WINDOWS)
class HopProbeTest {
  @TempDir Path dir;
  private final HopProbe probe = new HopProbe(Os.LINUX, Duration.ofSeconds(3));

  @Test
  void run_goodHost_readsHello() throws Exception {
    Path h = ScriptHosts.write(dir, "good", ScriptHosts.hello());
    HopProbe.Result r = probe.run(h, List.of("chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi/"));
    assertTrue(r.ok(), r.detail());
    assertTrue(r.detail().startsWith("hello from host 9.9.9"), r.detail());
  }

  @Test
  void run_browserArgsAndCwd_areThoseABrowserUses() throws Exception {
    Path h = ScriptHosts.write(dir, "args", "echo \"$PWD|$1|$2\" > args.txt\n" + ScriptHosts.hello());
    Path manifest = dir.resolve("io.streamdoctor.host.json");
    assertTrue(probe.run(h, HopProbe.browserArgs(Os.LINUX, Browser.FIREFOX, manifest, "streamdoctor@streamdoctor.dev")).ok());
    assertTrue(Files.readString(dir.resolve("args.txt")).strip()
        .equals(dir.toRealPath() + "|" + manifest + "|streamdoctor@streamdoctor.dev"));
  }

  @Test
  void run_textPrintedFirst_decodesThePollution() throws Exception {
    Path h = ScriptHosts.write(dir, "polluting", "echo 'Picked up JAVA_TOOL_OPTIONS: -Xmx1g'\n" + ScriptHosts.hello());
    HopProbe.Result r = probe.run(h, List.of("chrome-extension://x/"));
    assertFalse(r.ok());
    assertTrue(r.detail().contains("printed \"Picked up JAVA_TOOL_OPTIONS: -Xmx1g\\n\""), r.detail());
    assertTrue(r.detail().contains("\"Pick\" as a message length of 1801677136 bytes"), r.detail());
  }

  @Test
  void run_hostRefuses_showsTheError() throws Exception {
    Path h = ScriptHosts.write(dir, "refusing", ScriptHosts.printfFrame(
        "{\"v\":1,\"type\":\"error\",\"code\":200,\"name\":\"origin_not_allowed\",\"message\":\"nope\"}"));
    HopProbe.Result r = probe.run(h, List.of("chrome-extension://x/"));
    assertFalse(r.ok());
    assertTrue(r.detail().contains("error 200 origin_not_allowed: nope"), r.detail());
  }

  @Test
  void run_missingJava_exit127Explained() throws Exception {
    Path h = ScriptHosts.write(dir, "nojava", "echo 'no java here' >&2\nexec /nonexistent/bin/java -jar x.jar \"$@\"\n");
    HopProbe.Result r = probe.run(h, List.of("chrome-extension://x/"));
    assertFalse(r.ok());
    assertTrue(r.detail().contains("code 127"), r.detail());
  }

  @Test
  void run_silentHost_timesOutWithinBound() throws Exception {
    Path h = ScriptHosts.write(dir, "silent", "cat >/dev/null\n");
    long t0 = System.nanoTime();
    HopProbe.Result r = probe.run(h, List.of("chrome-extension://x/"));
    assertFalse(r.ok());
    assertTrue(r.detail().contains("sent nothing within 3 s"), r.detail());
    assertTrue(System.nanoTime() - t0 < 15_000_000_000L);
  }

  @Test
  void run_notExecutable_cannotStart() throws Exception {
    Path h = dir.resolve("plain");
    Files.writeString(h, "x");
    assertTrue(probe.run(h, List.of()).detail().startsWith("cannot start"));
  }
}
