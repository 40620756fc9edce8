package io.streamdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.history.HistoryException;
import io.streamdoctor.history.HistoryRecord;
import io.streamdoctor.history.HistoryService;
import io.streamdoctor.history.HistoryStore;
import io.streamdoctor.nativemsg.Command;
import io.streamdoctor.nativemsg.ErrorCode;
import io.streamdoctor.nativemsg.ProtocolException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/** The protocol's {@code history} and {@code report} requests (docs/protocol.md). */
public final class HistoryCommands {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;
  static final long TIMEOUT_MS = 5_000;

  private HistoryCommands() {}

  public static List<Command> all(HistoryService history, LongSupplier nowMs, ZoneId zone) {
    return List.of(
        Command.of("history", req -> history(history, req, nowMs.getAsLong(), zone)),
        Command.of("report", req -> report(history, req, nowMs.getAsLong(), zone)));
  }

  static ObjectNode history(HistoryService history, ObjectNode req, long now, ZoneId zone)
      throws ProtocolException {
    int limit = DEFAULT_LIMIT;
    JsonNode l = req.get("limit");
    if (l != null && !l.isNull()) {
      if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 1) {
        throw new ProtocolException(ErrorCode.INVALID_FIELD, "'limit' must be a whole number from 1 to " + MAX_LIMIT);
      }
      limit = Math.min(MAX_LIMIT, l.asInt());
    }
    int n = limit;
    return call(history, store -> {
      ObjectNode out = Json.MAPPER.createObjectNode();
      out.put("type", "history");
      ArrayNode breaks = out.putArray("breaks");
      for (HistoryRecord r : store.recent(n)) {
        breaks.add(entry(r));
      }
      out.set("patterns", Json.MAPPER.valueToTree(store.patterns(now, zone)));
      return out;
    });
  }

  /** One line of the list: enough for the popup to show and to ask for the report. */
  public static ObjectNode entry(HistoryRecord r) {
    ObjectNode e = Json.MAPPER.createObjectNode();
    e.put("breakId", r.breakId());
    e.put("ts", r.ts());
    e.put("site", r.site());
    e.put("symptom", r.diagnosis().symptom());
    e.put("cause", r.topCause());
    if (!r.diagnosis().findings().isEmpty()) {
      e.put("confidence", r.diagnosis().findings().get(0).confidence());
    }
    e.put("stage", r.stage());
    if (r.durationMs() != null) {
      e.put("durationMs", r.durationMs());
    }
    return e;
  }

  static ObjectNode report(HistoryService history, ObjectNode req, long now, ZoneId zone)
      throws ProtocolException {
    String fmt = req.hasNonNull("format") ? req.get("format").asText() : "md";
    if (!fmt.equals("md") && !fmt.equals("json")) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'format' must be md or json");
    }
    boolean last = req.path("last").asBoolean(false);
    String breakId = req.hasNonNull("breakId") ? req.get("breakId").asText() : null;
    if (breakId == null && !last) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "give 'breakId' or 'last': true");
    }
    Optional<Report> report = call(history, store -> find(store, breakId, now, zone));
    if (report.isEmpty()) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD,
          breakId == null ? "history has no breaks yet" : "no break '" + breakId + "' in history");
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("type", "report");
    out.put("format", fmt);
    out.put("breakId", report.get().record().breakId());
    out.put("content", report.get().render(Report.Format.parse(fmt)));
    return out;
  }

  /** The break by id, or the newest when {@code breakId} is null, with the patterns it is in. */
  public static Optional<Report> find(HistoryStore store, String breakId, long now, ZoneId zone)
      throws HistoryException {
    Optional<HistoryRecord> r = breakId == null ? store.last() : store.byId(breakId);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Report(r.get(), store.patternsFor(r.get(), zone), now));
  }

  private static <T> T call(HistoryService history, HistoryService.StoreCall<T> c)
      throws ProtocolException {
    try {
      return history.call(c, TIMEOUT_MS);
    } catch (HistoryException e) {
      throw new ProtocolException(ErrorCode.INTERNAL_ERROR, "history unavailable: " + e.getMessage());
    }
  }

}
