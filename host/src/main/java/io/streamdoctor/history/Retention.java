package io.streamdoctor.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Retention: the age limit, then per quota ({@link HistoryScope}) all but the newest breaks. */
final class Retention {
  private Retention() {}

  static void prune(Connection conn, HistoryConfig config, long nowMs) throws SQLException {
    try (PreparedStatement age = conn.prepareStatement("DELETE FROM breaks WHERE ts < ?");
        PreparedStatement over = conn.prepareStatement(
            "DELETE FROM breaks WHERE scope = ? AND break_id NOT IN"
                + " (SELECT break_id FROM breaks WHERE scope = ? ORDER BY ts DESC, break_id DESC LIMIT ?)")) {
      age.setLong(1, nowMs - config.maxAgeMs());
      age.executeUpdate();
      for (HistoryScope s : HistoryScope.values()) { // one quota never evicts the other's breaks
        over.setString(1, s.column());
        over.setString(2, s.column());
        over.setInt(3, s == HistoryScope.SITE ? config.maxBreaks() : HistoryScope.otherQuota(config.maxBreaks()));
        over.executeUpdate();
      }
    }
  }
}
