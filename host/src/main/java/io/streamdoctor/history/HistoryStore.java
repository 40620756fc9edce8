package io.streamdoctor.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;

/**
 * The break history in one SQLite file. Why SQLite: embedded (no server to install), durable
 * (atomic commits that survive a killed process), WAL lets a reader and a writer work at once and
 * two host processes (two browsers) share the file safely, and it is one file the user can copy.
 *
 * <p>Pragmas: {@code journal_mode=WAL}; {@code synchronous=FULL}, so every commit is fsynced to
 * the WAL before {@link #save} returns: breaks are rare (a few a day), an fsync costs
 * milliseconds, and a break we told the extension about must survive a power cut, which NORMAL
 * does not promise in WAL mode (https://sqlite.org/pragma.html#pragma_synchronous);
 * {@code busy_timeout}, so a second process waits for the write lock instead of failing. Writes
 * use {@code BEGIN IMMEDIATE}: taking the write lock up front avoids the deadlock a read
 * transaction upgrading to a write can hit, where the busy handler is not called.
 *
 * <p>Not thread-safe: one owner thread ({@link HistoryService} uses a single-thread executor).
 */
public final class HistoryStore implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HistoryStore.class.getName());

  private final Connection conn;
  private final HistoryConfig config;
  private final LongSupplier nowMs;

  private HistoryStore(Connection conn, HistoryConfig config, LongSupplier nowMs) {
    this.conn = conn;
    this.config = config;
    this.nowMs = nowMs;
  }

  public static HistoryStore open(Path file, HistoryConfig config, LongSupplier nowMs)
      throws HistoryException {
    SqliteNative.prepare(io.streamdoctor.platform.AppDirs.current().data());
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        io.streamdoctor.platform.PrivateDirs.create(dir);
      }
      // SQLite gives the -wal and -shm files the database file's mode (os_unix.c,
      // findCreateFileMode / unixOpenSharedMemory): a 0600 database keeps all three private.
      io.streamdoctor.platform.PrivateDirs.ownerOnlyFile(file);
      for (String suffix : new String[] {"-wal", "-shm"}) {
        Path side = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(side)) {
          io.streamdoctor.platform.PrivateDirs.ownerOnlyFile(side);
        }
      }
    } catch (IOException e) {
      throw new HistoryException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Connection c = null;
    try {
      SQLiteConfig cfg = new SQLiteConfig();
      cfg.setBusyTimeout(config.busyTimeoutMs());
      c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout = " + config.busyTimeoutMs());
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
          String mode = rs.next() ? rs.getString(1) : "";
          if (!"wal".equalsIgnoreCase(mode)) {
            throw new HistoryException("history.db refused WAL mode (got '" + mode + "')");
          }
        }
        st.execute("PRAGMA synchronous = FULL");
      }
      HistoryStore store = new HistoryStore(c, config, nowMs);
      store.tx(() -> Schema.migrate(store.conn));
      store.tx(store::prune);
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new HistoryException("cannot open history " + file + ": " + e.getMessage(), file, e);
    } catch (HistoryException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Stores (or updates, by break id) a chat-site break; committed and synced when this returns. */
  public void save(Diagnosis diagnosis, BreakSummary rawSummary) throws HistoryException {
    save(diagnosis, rawSummary, HistoryScope.SITE);
  }

  /** As above, counted against {@code scope}'s quota. */
  public void save(Diagnosis diagnosis, BreakSummary rawSummary, HistoryScope scope) throws HistoryException {
    Diagnosis d = Privacy.diagnosis(diagnosis);
    BreakSummary summary = Privacy.summary(rawSummary);
    try {
      tx(() -> {
        try (PreparedStatement ps = conn.prepareStatement(Rows.UPSERT)) {
          Rows.bind(ps, d, summary, scope, nowMs.getAsLong());
          ps.executeUpdate();
        } catch (JsonProcessingException e) {
          throw new HistoryException("cannot serialise break " + d.breakId(), e);
        }
        prune();
      });
    } catch (SQLException e) {
      throw new HistoryException("cannot save break " + d.breakId() + ": " + e.getMessage(), e);
    }
  }

  /** The newest breaks first. */
  public List<HistoryRecord> recent(int limit) throws HistoryException {
    return query("SELECT " + Rows.COLUMNS + " FROM breaks ORDER BY ts DESC, break_id DESC LIMIT ?",
        ps -> ps.setInt(1, Math.max(0, limit)));
  }

  public Optional<HistoryRecord> byId(String breakId) throws HistoryException {
    List<HistoryRecord> r = query("SELECT " + Rows.COLUMNS + " FROM breaks WHERE break_id = ?",
        ps -> ps.setString(1, breakId));
    return r.stream().findFirst();
  }

  public Optional<HistoryRecord> last() throws HistoryException {
    return recent(1).stream().findFirst();
  }

  /** Breaks from {@code fromTs} to {@code toTs} (inclusive), newest first, at most {@code limit}. */
  public List<HistoryRecord> between(long fromTs, long toTs, int limit) throws HistoryException {
    return query("SELECT " + Rows.COLUMNS + " FROM breaks WHERE ts >= ? AND ts <= ?"
            + " ORDER BY ts DESC LIMIT ?",
        ps -> {
          ps.setLong(1, fromTs);
          ps.setLong(2, toTs);
          ps.setInt(3, limit);
        });
  }

  /**
   * Cross-break patterns as of {@code refTs}: over the configured window before it, never after,
   * so a report on an old break reads the same later (see {@link Patterns}).
   */
  public List<Finding> patterns(long refTs, ZoneId zone) throws HistoryException {
    List<HistoryRecord> window = between(refTs - config.patternWindowDays() * 86_400_000L, refTs,
        config.patternMaxBreaks());
    return Patterns.find(window, refTs, zone);
  }

  /** The patterns one break belongs to, as of its own time (reports; history-based rules). */
  public List<Finding> patternsFor(HistoryRecord current, ZoneId zone) throws HistoryException {
    return patternsFor(current, zone, Patterns.DEFAULT_CHAT_SITES);
  }

  /** The patterns {@code current} belongs to among the breaks of {@code chatSites}. */
  public List<Finding> patternsFor(HistoryRecord current, ZoneId zone, Set<String> chatSites) throws HistoryException {
    List<HistoryRecord> window = between(current.ts() - config.patternWindowDays() * 86_400_000L,
        current.ts(), config.patternMaxBreaks());
    return Patterns.forBreak(window, current, zone, chatSites);
  }

  public int count() throws HistoryException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM breaks")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new HistoryException("cannot count breaks: " + e.getMessage(), e);
    }
  }

  private void prune() throws SQLException {
    Retention.prune(conn, config, nowMs.getAsLong());
  }

  /** {@code PRAGMA integrity_check}: "ok" for a sound file. */
  public String integrityCheck() throws HistoryException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      return rs.next() ? rs.getString(1) : "no answer";
    } catch (SQLException e) {
      throw new HistoryException("integrity check failed to run: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(conn);
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface Work {
    void run() throws SQLException, HistoryException;
  }

  private List<HistoryRecord> query(String sql, Binder binder) throws HistoryException {
    List<HistoryRecord> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            out.add(Rows.read(rs));
          } catch (HistoryException e) {
            // One unreadable row must not hide the rest of the history.
            LOG.log(Level.WARNING, e.getMessage(), e);
          }
        }
      }
    } catch (SQLException e) {
      throw new HistoryException("cannot read history: " + e.getMessage(), e);
    }
    return out;
  }

  /** One write transaction; the connection stays in autocommit mode between them (see class doc). */
  private void tx(Work work) throws SQLException, HistoryException {
    try (Statement st = conn.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      boolean done = false;
      try {
        work.run();
        st.execute("COMMIT");
        done = true;
      } finally {
        if (!done) {
          st.execute("ROLLBACK");
        }
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing a connection that failed to open: nothing left to release.
      }
    }
  }
}
