package io.streamdoctor.dns;

import io.streamdoctor.platform.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux has no single DNS cache: flush each caching daemon that is actually running —
 * systemd-resolved (resolvectl flush-caches; polkit may deny), nscd (nscd -i hosts) and dnsmasq
 * (SIGHUP clears its cache, dnsmasq(8) "NOTES"). Nothing running means nothing cached outside
 * the applications themselves, and the result says so.
 */
public final class LinuxDnsFlusher implements DnsFlusher {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  /**
   * Where the tools are looked up, in this order. Never {@code PATH}: the host inherits the
   * browser's environment, and a {@code resolvectl} earlier on that PATH would run with the
   * user's rights whenever a page's break led to "flush DNS".
   */
  public static final List<Path> SYSTEM_DIRS =
      List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/sbin"));

  /** Process names found running, each with its pids (see {@link ProcScanner}). */
  public interface Processes {
    Map<String, List<Long>> running(List<String> names);
  }

  private final Processes processes;
  private final CommandRunner runner;
  private final List<Path> dirs;

  public LinuxDnsFlusher(Processes processes, CommandRunner runner) {
    this(processes, runner, SYSTEM_DIRS);
  }

  /** {@code dirs}: the fixed folders a tool is taken from (tests use their own). */
  public LinuxDnsFlusher(Processes processes, CommandRunner runner, List<Path> dirs) {
    this.processes = processes;
    this.runner = runner;
    this.dirs = List.copyOf(dirs);
  }

  /** The tool's absolute path in the first of {@link #dirs} that has it as an executable file. */
  Optional<Path> tool(String name) {
    return dirs.stream().map(d -> d.resolve(name))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  @Override
  public FlushResult flush(boolean dryRun) {
    Map<String, List<Long>> up = processes.running(List.of("systemd-resolve", "systemd-resolved", "nscd", "dnsmasq"));
    List<FlushStep> steps = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    if (up.containsKey("systemd-resolved") || up.containsKey("systemd-resolve")) {
      steps.add(run("systemd-resolved", "resolvectl", List.of("flush-caches"), dryRun));
    } else {
      absent.add("systemd-resolved");
    }
    if (up.containsKey("nscd")) {
      steps.add(run("nscd", "nscd", List.of("-i", "hosts"), dryRun));
    } else {
      absent.add("nscd");
    }
    if (up.containsKey("dnsmasq")) {
      for (long pid : up.get("dnsmasq")) {
        steps.add(run("dnsmasq (pid " + pid + ")", "kill", List.of("-HUP", Long.toString(pid)), dryRun));
      }
    } else {
      absent.add("dnsmasq");
    }
    return new FlushResult("linux", dryRun, steps, absent);
  }

  private FlushStep run(String cache, String tool, List<String> args, boolean dryRun) {
    Optional<Path> program = tool(tool);
    if (program.isEmpty()) {
      List<String> named = new ArrayList<>(List.of(tool));
      named.addAll(args);
      return new FlushStep(cache, named, "failed", tool + " not found in " + dirs);
    }
    List<String> argv = new ArrayList<>(List.of(program.get().toString()));
    argv.addAll(args);
    if (dryRun) {
      return new FlushStep(cache, argv, "would_run", null);
    }
    return Denials.step(cache, argv, runner.run(argv, LIMIT));
  }
}
