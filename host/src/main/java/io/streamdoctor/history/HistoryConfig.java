package io.streamdoctor.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Limits of the history database. Defaults keep a few MB at most; users may override them in
 * {@code <config>/history.properties} ({@code maxBreaks}, {@code maxAgeDays}).
 *
 * @param busyTimeoutMs how long a writer waits for another process's write lock (two browsers
 *     each run a host; their writes are a few ms long, so seconds of patience are plenty)
 * @param patternWindowDays how far back the cross-break patterns look
 */
public record HistoryConfig(
    int maxBreaks, int maxAgeDays, int busyTimeoutMs, int patternWindowDays, int patternMaxBreaks) {
  private static final Logger LOG = Logger.getLogger(HistoryConfig.class.getName());

  public static final HistoryConfig DEFAULT = new HistoryConfig(5_000, 180, 10_000, 30, 500);

  public HistoryConfig {
    if (maxBreaks < 1 || maxAgeDays < 1 || busyTimeoutMs < 0 || patternWindowDays < 1
        || patternMaxBreaks < 1) {
      throw new IllegalArgumentException("history limits must be positive");
    }
  }

  public long maxAgeMs() {
    return maxAgeDays * 86_400_000L;
  }

  /** Reads overrides from {@code dir/history.properties}; a bad or missing file keeps defaults. */
  public static HistoryConfig load(Path configDir) {
    Path file = configDir.resolve("history.properties");
    if (!Files.isReadable(file)) {
      return DEFAULT;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return new HistoryConfig(
          intOf(p, "maxBreaks", DEFAULT.maxBreaks),
          intOf(p, "maxAgeDays", DEFAULT.maxAgeDays),
          intOf(p, "busyTimeoutMs", DEFAULT.busyTimeoutMs),
          intOf(p, "patternWindowDays", DEFAULT.patternWindowDays),
          intOf(p, "patternMaxBreaks", DEFAULT.patternMaxBreaks));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warning("ignoring " + file + ": " + e.getMessage());
      return DEFAULT;
    }
  }

  private static int intOf(Properties p, String key, int fallback) {
    String v = p.getProperty(key);
    return v == null ? fallback : Integer.parseInt(v.strip());
  }
}
