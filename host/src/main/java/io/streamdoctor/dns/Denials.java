package io.streamdoctor.dns;

import io.streamdoctor.platform.CommandRunner;
import java.util.List;
import java.util.Locale;

/** Turns a finished command into a step: flushed, denied (a permission answer) or failed. */
final class Denials {
  private static final List<String> DENIED_WORDS = List.of("permission denied", "access denied",
      "not authorized", "operation not permitted", "interactive authentication required",
      "user canceled", "(-128)", "must be root", "only root");

  private Denials() {}

  static FlushStep step(String cache, List<String> argv, CommandRunner.Result r) {
    if (r.ok()) {
      return new FlushStep(cache, argv, "flushed", null);
    }
    String text = (r.stderr() + " " + r.stdout()).trim();
    String lower = text.toLowerCase(Locale.ROOT);
    boolean denied = DENIED_WORDS.stream().anyMatch(lower::contains);
    String reason = text.isEmpty() ? "exit code " + r.exit() : firstLine(text);
    return new FlushStep(cache, argv, denied ? "denied" : "failed", reason);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
