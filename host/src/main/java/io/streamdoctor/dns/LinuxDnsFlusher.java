package io.streamdoctor.dns;

import io.streamdoctor.platform.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Linux has no single DNS cache: flush each caching daemon that is actually running —
 * systemd-resolved (resolvectl flush-caches; polkit may deny), nscd (nscd -i hosts) and dnsmasq
 * (SIGHUP clears its cache, dnsmasq(8) "NOTES"). Nothing running means nothing cached outside
 * the applications themselves, and the result says so.
 */
public final class LinuxDnsFlusher implements DnsFlusher {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  /** Process names found running, each with its pids (see {@link ProcScanner}). */
  public interface Processes {
    Map<String, List<Long>> running(List<String> names);
  }

  private final Processes processes;
  private final CommandRunner runner;

  public LinuxDnsFlusher(Processes processes, CommandRunner runner) {
    this.processes = processes;
    this.runner = runner;
  }

  @Override
  public FlushResult flush(boolean dryRun) {
    Map<String, List<Long>> up = processes.running(List.of("systemd-resolve", "systemd-resolved", "nscd", "dnsmasq"));
    List<FlushStep> steps = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    if (up.containsKey("systemd-resolved") || up.containsKey("systemd-resolve")) {
      steps.add(run("systemd-resolved", List.of("resolvectl", "flush-caches"), dryRun));
    } else {
      absent.add("systemd-resolved");
    }
    if (up.containsKey("nscd")) {
      steps.add(run("nscd", List.of("nscd", "-i", "hosts"), dryRun));
    } else {
      absent.add("nscd");
    }
    if (up.containsKey("dnsmasq")) {
      for (long pid : up.get("dnsmasq")) {
        steps.add(run("dnsmasq (pid " + pid + ")", List.of("kill", "-HUP", Long.toString(pid)), dryRun));
      }
    } else {
      absent.add("dnsmasq");
    }
    return new FlushResult("linux", dryRun, steps, absent);
  }

  private FlushStep run(String cache, List<String> argv, boolean dryRun) {
    if (dryRun) {
      return new FlushStep(cache, argv, "would_run", null);
    }
    return Denials.step(cache, argv, runner.run(argv, LIMIT));
  }
}
