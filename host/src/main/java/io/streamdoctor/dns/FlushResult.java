package io.streamdoctor.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * What a DNS flush did, cache by cache, and which caches were not there to flush. It always
 * carries the reminder that the browser keeps its own host cache and open connections.
 */
public record FlushResult(String os, boolean dryRun, List<FlushStep> steps, List<String> notPresent) {
  public static final String BROWSER_NOTE =
      "The browser keeps its own DNS cache and open connections: clear them at "
          + "chrome://net-internals/#dns (\"Clear host cache\") and chrome://net-internals/#sockets "
          + "(\"Flush socket pools\"), or about:networking#dns in Firefox.";

  public FlushResult {
    steps = List.copyOf(steps);
    notPresent = List.copyOf(notPresent);
  }

  public List<FlushStep> withStatus(String status) {
    return steps.stream().filter(s -> s.status().equals(status)).toList();
  }

  public boolean nothingToFlush() {
    return steps.isEmpty();
  }

  /** Exit/summary: every step flushed (or would run), or nothing to flush. */
  public boolean allOk() {
    return steps.stream().allMatch(s -> s.status().equals("flushed") || s.status().equals("would_run"));
  }

  /** A few honest lines for people. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    if (steps.isEmpty()) {
      out.add("No OS DNS cache is running on this " + os + " machine: nothing to flush.");
    }
    for (FlushStep s : steps) {
      String verb = switch (s.status()) {
        case "flushed" -> "flushed";
        case "would_run" -> "would run";
        case "denied" -> "DENIED";
        default -> "FAILED";
      };
      out.add(verb + ": " + s.cache() + " (" + String.join(" ", s.command()) + ")"
          + (s.reason() == null ? "" : ": " + s.reason()));
    }
    notPresent.forEach(n -> out.add("not running: " + n));
    out.add(BROWSER_NOTE);
    return out;
  }
}
