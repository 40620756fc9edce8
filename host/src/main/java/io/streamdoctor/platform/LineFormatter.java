package io.streamdoctor.platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log line: {@code 2026-12-05T01:30:27.677 WARNING logger.name: message}, then the stack trace
 * of a throwable on the next lines; what SimpleFormatter printed with the format
 * {@code %1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n}, except that the level is never translated.
 * Written out because SimpleFormatter goes through java.util.Formatter, whose first use loads the
 * locale providers (CLDR data): ~10 ms of every host start before its first reply
 * (bench/lib/ready-driver.mjs; docs/benchmarks.md).
 */
final class LineFormatter extends Formatter {
  private final ZoneId zone;

  LineFormatter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String format(LogRecord r) {
    LocalDateTime t = LocalDateTime.ofInstant(r.getInstant(), zone);
    StringBuilder b = new StringBuilder(128);
    b.append(t.getYear()).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    pad(b, t.getNano() / 1_000_000, 3);
    b.append(' ').append(r.getLevel().getName()).append(' ').append(r.getLoggerName()).append(": ")
        .append(formatMessage(r));
    if (r.getThrown() != null) {
      StringWriter sw = new StringWriter();
      try (PrintWriter pw = new PrintWriter(sw)) {
        pw.println();
        r.getThrown().printStackTrace(pw);
      }
      b.append(sw);
    }
    return b.append(System.lineSeparator()).toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }
}
