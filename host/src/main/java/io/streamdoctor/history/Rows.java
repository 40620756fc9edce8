package io.streamdoctor.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Diagnosis;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Maps breaks to rows and back; the JSON columns are Jackson's record serialisation. */
final class Rows {
  static final String COLUMNS = "break_id, ts, stage, saved_at, diagnosis, summary";

  /**
   * Upsert by break id. A diagnosis replaces the stored one only when its stage is at least as
   * far along ("probed" after "evidence"), so a late evidence-stage verdict never undoes probes.
   */
  static final String UPSERT =
      "INSERT INTO breaks (break_id, ts, stage, site, symptom, top_cause, confidence, diagnosis,"
          + " summary, saved_at, duration_ms, network_id, extensions_hash, scope)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT(break_id) DO UPDATE SET ts=excluded.ts, stage=excluded.stage,"
          + " site=excluded.site, symptom=excluded.symptom, top_cause=excluded.top_cause,"
          + " confidence=excluded.confidence, diagnosis=excluded.diagnosis,"
          + " summary=excluded.summary, saved_at=excluded.saved_at,"
          + " duration_ms=excluded.duration_ms, network_id=excluded.network_id,"
          + " extensions_hash=excluded.extensions_hash, scope=excluded.scope"
          + " WHERE " + rank("excluded.stage") + " >= " + rank("breaks.stage");

  private Rows() {}

  private static String rank(String col) {
    return "(CASE " + col + " WHEN 'probed' THEN 2 WHEN 'evidence' THEN 1 ELSE 0 END)";
  }

  static void bind(PreparedStatement ps, Diagnosis d, BreakSummary s, HistoryScope scope, long savedAt)
      throws SQLException, JsonProcessingException {
    ps.setString(1, d.breakId());
    ps.setLong(2, d.ts());
    ps.setString(3, d.stage());
    ps.setString(4, s.site() != null ? s.site() : d.site());
    ps.setString(5, d.symptom());
    ps.setString(6, d.topCause());
    if (d.findings().isEmpty()) {
      ps.setNull(7, Types.REAL);
    } else {
      ps.setDouble(7, d.findings().get(0).confidence());
    }
    ps.setString(8, Json.MAPPER.writeValueAsString(d));
    ps.setString(9, Json.MAPPER.writeValueAsString(s));
    ps.setLong(10, savedAt);
    if (s.durationMs() == null) {
      ps.setNull(11, Types.REAL);
    } else {
      ps.setDouble(11, s.durationMs());
    }
    ps.setString(12, s.networkId());
    ps.setString(13, s.extensionsHash());
    ps.setString(14, scope.column());
  }

  static HistoryRecord read(ResultSet rs) throws SQLException, HistoryException {
    String id = rs.getString("break_id");
    try {
      Diagnosis d = Json.MAPPER.readValue(rs.getString("diagnosis"), Diagnosis.class);
      BreakSummary s = Json.MAPPER.readValue(rs.getString("summary"), BreakSummary.class);
      return new HistoryRecord(id, rs.getLong("ts"), rs.getString("stage"), rs.getLong("saved_at"), d, s);
    } catch (JsonProcessingException e) {
      throw new HistoryException("break " + id + " is stored in a form this version cannot read", e);
    }
  }
}
