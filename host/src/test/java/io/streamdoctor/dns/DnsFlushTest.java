package io.streamdoctor.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.platform.CommandRunner;
import io.streamdoctor.platform.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DnsFlushTest {
  /** Records argv vectors; answers by the first word. */
  static final class Recorder implements CommandRunner {
    final List<List<String>> ran = new ArrayList<>();
    final Map<String, Result> byProgram;

    Recorder(Map<String, Result> byProgram) {
      this.byProgram = byProgram;
    }

    @Override
    public Result run(List<String> argv, Duration limit) {
      ran.add(argv);
      return byProgram.getOrDefault(argv.get(0), new Result(0, "", ""));
    }
  }

  @TempDir Path tmp;

  /** Fixed tool folders with every tool in the second one, as executables. */
  private List<Path> toolDirs() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("usr-bin"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String t : List.of("resolvectl", "nscd", "kill")) {
      Path f = Files.writeString(bin.resolve(t), "#!/bin/sh\nexit 0\n");
      f.toFile().setExecutable(true);
    }
    return List.of(empty, bin);
  }

  private String bin(String tool) {
    return tmp.resolve("bin").resolve(tool).toString();
  }

  @Test
  void linux_allThreeRunning_fixedArgvEach() throws Exception {
    Recorder r = new Recorder(Map.of());
    LinuxDnsFlusher f = new LinuxDnsFlusher(names -> Map.of("systemd-resolve", List.of(10L), "nscd", List.of(20L),
        "dnsmasq", List.of(30L, 31L)), r, toolDirs());
    FlushResult res = f.flush(false);
    assertEquals(List.of(List.of(bin("resolvectl"), "flush-caches"), List.of(bin("nscd"), "-i", "hosts"),
        List.of(bin("kill"), "-HUP", "30"), List.of(bin("kill"), "-HUP", "31")), r.ran);
    assertEquals(4, res.withStatus("flushed").size());
    assertTrue(res.notPresent().isEmpty());
  }

  /**
   * The host inherits the browser's PATH; a "resolvectl" planted earlier on it ran with the
   * user's rights. The tools now come from fixed system folders only, by absolute path.
   */
  @Test
  void linux_tools_absoluteFromSystemFoldersNeverFromPath() throws Exception {
    assertTrue(LinuxDnsFlusher.SYSTEM_DIRS.stream().allMatch(Path::isAbsolute));
    Recorder r = new Recorder(Map.of());
    new LinuxDnsFlusher(names -> Map.of("nscd", List.of(20L), "dnsmasq", List.of(30L)), r).flush(false);
    for (List<String> argv : r.ran) {
      assertTrue(Path.of(argv.get(0)).isAbsolute(), argv.toString());
      assertTrue(LinuxDnsFlusher.SYSTEM_DIRS.contains(Path.of(argv.get(0)).getParent()), argv.toString());
    }
    Recorder none = new Recorder(Map.of());
    FlushResult missing = new LinuxDnsFlusher(names -> Map.of("nscd", List.of(20L)), none,
        List.of(Files.createDirectories(tmp.resolve("nothing")))).flush(false);
    assertTrue(none.ran.isEmpty(), "a tool that is not in the fixed folders is not run: " + none.ran);
    assertEquals("failed", missing.steps().get(0).status());
    assertTrue(missing.steps().get(0).reason().startsWith("nscd not found in "), missing.steps().get(0).reason());
  }

  @Test
  void linux_polkitDenies_reportedDeniedWithReason() throws Exception {
    Recorder r = new Recorder(Map.of(bin("resolvectl"), new CommandRunner.Result(1, "",
        "Failed to flush caches: Access denied\n")));
    FlushResult res = new LinuxDnsFlusher(names -> Map.of("systemd-resolve", List.of(10L)), r, toolDirs()).flush(false);
    assertEquals("denied", res.steps().get(0).status());
    assertEquals("Failed to flush caches: Access denied", res.steps().get(0).reason());
    assertFalse(res.allOk());
    assertEquals(List.of("nscd", "dnsmasq"), res.notPresent());
  }

  @Test
  void linux_dryRun_listsWithoutRunning() throws Exception {
    Recorder r = new Recorder(Map.of());
    FlushResult res = new LinuxDnsFlusher(names -> Map.of("nscd", List.of(20L)), r, toolDirs()).flush(true);
    assertTrue(r.ran.isEmpty());
    assertEquals("would_run", res.steps().get(0).status());
    assertTrue(res.dryRun());
  }

  @Test
  void linux_nothingRunning_honestNothingToFlush() {
    FlushResult res = new LinuxDnsFlusher(names -> Map.of(), new Recorder(Map.of())).flush(false);
    assertTrue(res.nothingToFlush());
    assertTrue(res.lines().get(0).contains("nothing to flush"));
    assertTrue(res.lines().get(res.lines().size() - 1).contains("chrome://net-internals/#dns"));
  }

  /**
   * The real flush on this machine. No systemd-resolved or nscd here; a dnsmasq may belong to
   * another test, so when one runs we only dry-run and check it is listed instead of HUPing it.
   */
  @Test
  void linux_thisMachine_reportsExactlyWhatRuns() {
    ProcScanner scanner = new ProcScanner(Path.of("/proc"));
    Map<String, List<Long>> running = scanner.running(List.of("systemd-resolve", "systemd-resolved", "nscd", "dnsmasq"));
    LinuxDnsFlusher f = new LinuxDnsFlusher(scanner, new ProcessRunner());
    if (running.isEmpty()) {
      FlushResult res = f.flush(false);
      assertTrue(res.nothingToFlush(), res.lines().toString());
      assertEquals(List.of("systemd-resolved", "nscd", "dnsmasq"), res.notPresent());
    } else {
      FlushResult res = f.flush(true);
      int expected = running.getOrDefault("dnsmasq", List.of()).size()
          + (running.containsKey("nscd") ? 1 : 0)
          + (running.containsKey("systemd-resolve") || running.containsKey("systemd-resolved") ? 1 : 0);
      assertEquals(expected, res.withStatus("would_run").size(), res.lines().toString());
    }
  }

  @Test
  void procScanner_findsItself() {
    long me = ProcessHandle.current().pid();
    Map<String, List<Long>> found = new ProcScanner(Path.of("/proc")).running(List.of("java"));
    assertTrue(found.getOrDefault("java", List.of()).contains(me), found.toString());
  }

  @Test
  void mac_notRoot_hupGoesThroughAdminPromptNeverSudo() {
    Recorder r = new Recorder(Map.of());
    FlushResult res = new MacDnsFlusher(r, false).flush(false);
    assertEquals(MacDnsFlusher.DSCACHEUTIL, r.ran.get(0));
    assertEquals("/usr/bin/osascript", r.ran.get(1).get(0));
    assertTrue(r.ran.get(1).get(2).endsWith("with administrator privileges with prompt \"StreamDoctor wants to flush the DNS cache (restart mDNSResponder's cache).\""));
    assertTrue(r.ran.stream().flatMap(List::stream).noneMatch(a -> a.equals("sudo")));
    assertEquals(2, res.withStatus("flushed").size());
  }

  @Test
  void mac_root_directHup() {
    Recorder r = new Recorder(Map.of());
    new MacDnsFlusher(r, true).flush(false);
    assertEquals(List.of(MacDnsFlusher.DSCACHEUTIL, MacDnsFlusher.HUP), r.ran);
  }

  @Test
  void mac_userCancelsPrompt_denied() {
    Recorder r = new Recorder(Map.of("/usr/bin/osascript",
        new CommandRunner.Result(1, "", "0:75: execution error: User canceled. (-128)")));
    FlushResult res = new MacDnsFlusher(r, false).flush(false);
    assertEquals("flushed", res.steps().get(0).status());
    assertEquals("denied", res.steps().get(1).status());
  }

  @Test
  void windows_callSucceedsOrReturnsFalse() {
    assertEquals("flushed", new WindowsDnsFlusher(() -> true).flush(false).steps().get(0).status());
    FlushResult no = new WindowsDnsFlusher(() -> false).flush(false);
    assertEquals("failed", no.steps().get(0).status());
    assertEquals(WindowsDnsFlusher.CALL, no.steps().get(0).command());
    boolean[] called = {false};
    new WindowsDnsFlusher(() -> called[0] = true).flush(true);
    assertFalse(called[0]);
  }
}
