package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.diagnosis.RuleResult.RuledOut;
import io.streamdoctor.history.BreakSummary.Ext;
import java.util.List;

/** Small, readable breaks for history tests. */
public final class Fixtures {
  public static final long T0 = 1_764_000_000_000L;
  public static final long HOUR = 3_600_000L;
  public static final long DAY = 24 * HOUR;

  private Fixtures() {}

  public static Diagnosis diagnosis(String id, long ts, String site, String cause, double conf,
      String stage) {
    return new Diagnosis(id, "1:1", site, "https://" + site + ".example/api/stream", ts,
        "message_stream_error",
        List.of(new Finding(cause, conf, List.of(new EvidenceLine(-1000, "evidence for " + cause)),
            List.of(), List.of("regenerate"))),
        List.of(new RuledOut("dns.resolution_failed", "DNS answered in 14 ms")), stage);
  }

  public static BreakSummary summary(String id, String site, Double durationMs, String networkId,
      List<Ext> exts) {
    String hash = exts == null ? null
        : Privacy.hash12(String.join(",", exts.stream().map(Ext::id).toList()));
    return new BreakSummary(id, "1:1", site, "https://" + site + ".example/api/stream", "sse",
        "error", null, null, "TypeError", 200, List.of(), 100, 50, 5000, durationMs, 400.0, 800.0,
        80.0, 300.0, null, networkId, hash, exts, List.of(), List.of());
  }

  public static HistoryRecord record(String id, long ts, String site, Double durationMs,
      String networkId, List<Ext> exts) {
    return new HistoryRecord(id, ts, "evidence", ts,
        diagnosis(id, ts, site, "stream.dropped_unexplained", 0.3, "evidence"),
        summary(id, site, durationMs, networkId, exts));
  }

  public static HistoryRecord simple(String id, long ts, String site, Double durationMs) {
    return record(id, ts, site, durationMs, null, null);
  }

  /** The same record, seen in host session {@code session}. */
  public static HistoryRecord inSession(HistoryRecord r, String session) {
    return new HistoryRecord(r.breakId(), r.ts(), r.stage(), r.savedAt(), r.diagnosis(),
        r.summary().inSession(session));
  }

  public static Ext ext(String id, String name) {
    return new Ext(id, name);
  }
}
