package io.streamdoctor.dns;

import io.streamdoctor.platform.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * macOS: {@code dscacheutil -flushcache} (Directory Services cache, no privilege needed) and
 * SIGHUP to mDNSResponder (the resolver cache; root only). Without root the HUP goes through the
 * system's own administrator prompt (osascript "with administrator privileges"): the user sees
 * and approves it, we never escalate silently. The AppleScript is a constant: nothing from the
 * outside is interpolated into it.
 */
public final class MacDnsFlusher implements DnsFlusher {
  static final List<String> DSCACHEUTIL = List.of("/usr/bin/dscacheutil", "-flushcache");
  static final List<String> HUP = List.of("/usr/bin/killall", "-HUP", "mDNSResponder");
  static final List<String> HUP_WITH_PROMPT = List.of("/usr/bin/osascript", "-e",
      "do shell script \"/usr/bin/killall -HUP mDNSResponder\" with administrator privileges"
          + " with prompt \"StreamDoctor wants to flush the DNS cache (restart mDNSResponder's cache).\"");
  // The prompt waits for a person: give them time, but not forever.
  private static final Duration PROMPT_LIMIT = Duration.ofSeconds(120);
  private static final Duration LIMIT = Duration.ofSeconds(5);

  private final CommandRunner runner;
  private final boolean root;

  public MacDnsFlusher(CommandRunner runner, boolean root) {
    this.runner = runner;
    this.root = root;
  }

  @Override
  public FlushResult flush(boolean dryRun) {
    List<FlushStep> steps = new ArrayList<>();
    steps.add(run("Directory Services cache", DSCACHEUTIL, LIMIT, dryRun));
    List<String> hup = root ? HUP : HUP_WITH_PROMPT;
    steps.add(run("mDNSResponder cache", hup, root ? LIMIT : PROMPT_LIMIT, dryRun));
    return new FlushResult("macos", dryRun, steps, List.of());
  }

  private FlushStep run(String cache, List<String> argv, Duration limit, boolean dryRun) {
    if (dryRun) {
      return new FlushStep(cache, argv, "would_run", argv == HUP_WITH_PROMPT ? "asks for an administrator password" : null);
    }
    return Denials.step(cache, argv, runner.run(argv, limit));
  }
}
