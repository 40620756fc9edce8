package io.streamdoctor.history;

import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Breaks at one hour of the day (the user's local time), on different days: evening congestion,
 * scheduled throttling or a nightly job on the path. A burst of breaks within one hour on one day
 * is one bad hour, not a time-of-day pattern, so at least {@link #MIN_DAYS} days are required.
 */
final class TimeOfDayPattern {
  static final double MIN_SHARE = 0.5;
  static final int MIN_DAYS = 2;

  private TimeOfDayPattern() {}

  static Optional<Patterns.Match> find(List<HistoryRecord> records, long refTs, ZoneId zone) {
    List<List<HistoryRecord>> byHour = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      byHour.add(new ArrayList<>());
    }
    for (HistoryRecord r : records) {
      byHour.get(local(r.ts(), zone).getHour()).add(r);
    }
    int best = 0;
    for (int h = 1; h < 24; h++) {
      if (byHour.get(h).size() > byHour.get(best).size()) {
        best = h;
      }
    }
    List<HistoryRecord> members = byHour.get(best);
    Set<LocalDate> days = new HashSet<>();
    members.forEach(r -> days.add(local(r.ts(), zone).toLocalDate()));
    if (members.size() < Patterns.MIN_BREAKS || members.size() < MIN_SHARE * records.size()
        || days.size() < MIN_DAYS) {
      return Optional.empty();
    }
    double share = (double) members.size() / records.size();
    List<EvidenceLine> ev = new ArrayList<>();
    ev.add(new EvidenceLine(Patterns.newest(members, refTs), members.size() + " of "
        + records.size() + " breaks happened between "
        + String.format(Locale.ROOT, "%02d:00 and %02d:00", best, (best + 1) % 24)
        + " local time, on " + days.size() + " different days"));
    ev.addAll(Patterns.memberLines(members, refTs,
        r -> " at " + String.format(Locale.ROOT, "%tR", local(r.ts(), zone))));
    return Optional.of(Patterns.match(new Finding(Patterns.TIME_OF_DAY, 0.2 + 0.3 * share, ev,
        List.of(new EvidenceLine(0, Patterns.BREAKS_ONLY)),
        List.of(Remedies.WAIT_AND_RETRY, Remedies.OTHER_ROUTE)), members));
  }

  static ZonedDateTime local(long ts, ZoneId zone) {
    return Instant.ofEpochMilli(ts).atZone(zone);
  }
}
