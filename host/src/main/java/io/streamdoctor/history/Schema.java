package io.streamdoctor.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Schema migrations: {@code PRAGMA user_version} is the schema version, and the scripts listed in
 * {@code migrations/index} take it from N-1 to N. All pending steps run in one IMMEDIATE
 * transaction (user_version is stored in the database header, so it commits with them): two hosts
 * starting at once serialise on the write lock and the second finds nothing left to do.
 */
final class Schema {
  private static final Logger LOG = Logger.getLogger(Schema.class.getName());
  private static final String DIR = "/io/streamdoctor/history/migrations/";

  private Schema() {}

  /** The scripts in order; the current schema version is their count. */
  static List<String> scripts() {
    List<String> names = new ArrayList<>();
    for (String line : resource("index").split("\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        names.add(s);
      }
    }
    return names;
  }

  static int current() {
    return scripts().size();
  }

  static int version(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Brings the database to the current schema; the connection must not be in autocommit. */
  static void migrate(Connection c) throws SQLException, HistoryException {
    List<String> scripts = scripts();
    int from = version(c);
    if (from > scripts.size()) {
      throw new HistoryException("history.db has schema " + from + ", newer than this StreamDoctor ("
          + scripts.size() + "); update StreamDoctor or move the file away");
    }
    try (Statement st = c.createStatement()) {
      for (int v = from; v < scripts.size(); v++) {
        for (String sql : statements(resource(scripts.get(v)))) {
          st.execute(sql);
        }
        LOG.info("history schema " + v + " -> " + (v + 1) + " (" + scripts.get(v) + ")");
      }
      if (from < scripts.size()) {
        st.execute("PRAGMA user_version = " + scripts.size());
      }
    }
  }

  /** Our scripts end each statement with ';' at the end of a line and hold no ';' elsewhere. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      String s = line.strip();
      if (s.startsWith("--") || s.isEmpty()) {
        continue;
      }
      cur.append(line).append('\n');
      if (s.endsWith(";")) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = Schema.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + name, e);
    }
  }
}
