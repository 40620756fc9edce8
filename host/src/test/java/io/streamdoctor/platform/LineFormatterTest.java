package io.streamdoctor.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class LineFormatterTest {
  private static final String NL = System.lineSeparator();

  private static LogRecord record(Level level, String msg, String instant, Throwable thrown) {
    LogRecord r = new LogRecord(level, msg);
    r.setLoggerName("io.streamdoctor.nativemsg.HostMain");
    r.setInstant(Instant.parse(instant));
    r.setThrown(thrown);
    return r;
  }

  @Test
  void format_record_dateLevelLoggerMessage() {
    LineFormatter f = new LineFormatter(ZoneId.of("UTC"));
    assertEquals("2026-12-05T01:30:27.677 WARNING io.streamdoctor.nativemsg.HostMain: bad targets" + NL,
        f.format(record(Level.WARNING, "bad targets", "2026-12-05T01:30:27.677123Z", null)));
  }

  @Test
  void format_zeroFieldsAndOtherZone_paddedLocalTime() {
    LineFormatter f = new LineFormatter(ZoneId.of("Asia/Kolkata"));
    assertEquals("2027-01-01T05:30:00.000 INFO io.streamdoctor.nativemsg.HostMain: x" + NL,
        f.format(record(Level.INFO, "x", "2027-01-01T00:00:00Z", null)));
  }

  @Test
  void format_throwable_stackTraceOnTheNextLines() {
    String line = new LineFormatter(ZoneId.of("UTC")).format(
        record(Level.SEVERE, "failed", "2026-12-05T01:30:27Z", new IOException("disk full")));
    assertTrue(line.startsWith("2026-12-05T01:30:27.000 SEVERE io.streamdoctor.nativemsg.HostMain: failed"
        + NL + "java.io.IOException: disk full" + NL + "\tat "), line);
    assertTrue(line.endsWith(NL), line);
  }

  /** The same line SimpleFormatter wrote with the format Logs used to set (English level names). */
  @Test
  void format_anyRecord_sameAsSimpleFormatterWithTheOldFormat() {
    String key = "java.util.logging.SimpleFormatter.format";
    String before = System.getProperty(key);
    Locale locale = Locale.getDefault();
    try {
      System.setProperty(key, "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
      Locale.setDefault(Locale.ROOT);
      SimpleFormatter simple = new SimpleFormatter();
      LineFormatter line = new LineFormatter(ZoneId.systemDefault());
      for (LogRecord r : new LogRecord[] {
          record(Level.INFO, "host started", "2026-12-05T23:59:59.999Z", null),
          record(Level.WARNING, "x {0}", "2026-02-28T00:00:00.001Z", null),
          record(Level.SEVERE, "boom", "2026-07-04T12:00:00Z", new IllegalStateException("state"))}) {
        assertEquals(simple.format(r), line.format(r));
      }
    } finally {
      Locale.setDefault(locale);
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }
}
