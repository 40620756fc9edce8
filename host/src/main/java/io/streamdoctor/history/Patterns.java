package io.streamdoctor.history;

import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.config.Targets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Patterns across breaks, each a pure function from stored breaks to findings the engine can rank
 * next to its per-break rules. None speaks before {@link #MIN_BREAKS} breaks share the pattern.
 * Evidence {@code atMs} is relative to {@code refTs} (usually the break being diagnosed), so the
 * lines read like the engine's: "−2 days: a break on chatgpt, cut after 60.1 s" (no break ids:
 * they say nothing to the user and fill the popup, issue 18).
 *
 * <p>History holds breaks only, not the streams that went well, so a pattern says "the breaks
 * share X", never "X makes breaks more likely"; the grouping findings carry that caveat as evidence
 * against, and confidences stay modest unless the pattern is specific (one duration).
 */
public final class Patterns {
  public static final int MIN_BREAKS = 3;
  /** Members must come from this many host sessions or local days. */
  static final int MIN_SPREAD = 2;
  /** The chat sites a default configuration names (config.Targets#defaults). */
  public static final Set<String> DEFAULT_CHAT_SITES = chatSites(Targets.defaults());

  /** Breaks share one network fingerprint (hashed gateway/SSID); the lead may map it to a cause. */
  public static final String SAME_NETWORK = "pattern.same_network";
  /** Breaks share one chat site while others were used too. */
  public static final String SAME_SITE = "pattern.same_site";
  /** Breaks share one hour of the day, on different days. */
  public static final String TIME_OF_DAY = "pattern.time_of_day";

  static final String BREAKS_ONLY =
      "history records breaks only, not the streams that went well: this shows what the breaks"
          + " share, not that it causes them";
  static final int MAX_LINES = 8;

  private Patterns() {}

  /** A pattern's finding and the breaks that make it up. */
  public record Match(Finding finding, Set<String> members) {
    public Match {
      members = Set.copyOf(members);
    }
  }

  /** Every pattern in {@code records}, strongest first. */
  public static List<Finding> find(List<HistoryRecord> records, long refTs, ZoneId zone) {
    return matches(records, refTs, zone).stream().map(Match::finding).toList();
  }

  /**
   * The patterns {@code current} belongs to, as of its own time: what the engine may add to the
   * diagnosis of that break (a pattern among other breaks says nothing about this one).
   * {@code current} is counted even when it is not stored yet.
   */
  public static List<Finding> forBreak(List<HistoryRecord> records, HistoryRecord current,
      ZoneId zone) {
    return forBreak(records, current, zone, DEFAULT_CHAT_SITES);
  }

  /** {@link #forBreak(List, HistoryRecord, ZoneId)} counting only {@code chatSites}' breaks. */
  public static List<Finding> forBreak(List<HistoryRecord> records, HistoryRecord current,
      ZoneId zone, Set<String> chatSites) {
    List<HistoryRecord> all = new ArrayList<>();
    for (HistoryRecord r : records) {
      if (!r.breakId().equals(current.breakId()) && r.ts() <= current.ts()) {
        all.add(r);
      }
    }
    all.add(current);
    return matches(all, current.ts(), zone, chatSites).stream()
        .filter(m -> m.members().contains(current.breakId()))
        .map(Match::finding)
        .toList();
  }

  public static List<Match> matches(List<HistoryRecord> records, long refTs, ZoneId zone) {
    return matches(records, refTs, zone, DEFAULT_CHAT_SITES);
  }

  /**
   * The patterns among the breaks of {@code chatSites} (the configured chat sites: breaks of
   * generic or unknown sites are what any page can make, and never count), each made of breaks
   * from at least two host sessions or two local days (one session's breaks may all come from
   * one page).
   */
  public static List<Match> matches(List<HistoryRecord> all, long refTs, ZoneId zone, Set<String> chatSites) {
    List<Match> out = new ArrayList<>();
    List<HistoryRecord> records = all.stream().filter(r -> r.site() != null && chatSites.contains(r.site())).toList();
    if (records.size() < MIN_BREAKS) {
      return out;
    }
    DurationPattern.find(records, refTs).ifPresent(out::add);
    ClusterPatterns.network(records, refTs).ifPresent(out::add);
    ClusterPatterns.extension(records, refTs).ifPresent(out::add);
    ClusterPatterns.site(records, refTs).ifPresent(out::add);
    TimeOfDayPattern.find(records, refTs, zone).ifPresent(out::add);
    Map<String, HistoryRecord> byId = new HashMap<>();
    records.forEach(r -> byId.put(r.breakId(), r));
    out.removeIf(m -> !spread(m.members().stream().map(byId::get).toList(), zone));
    out.sort(Comparator.comparingDouble((Match m) -> m.finding().confidence()).reversed());
    return out;
  }

  /** Members from two or more host sessions, or on two or more local days. */
  static boolean spread(List<HistoryRecord> members, ZoneId zone) {
    Set<String> sessions = new HashSet<>();
    Set<LocalDate> days = new HashSet<>();
    for (HistoryRecord r : members) {
      if (r == null) {
        continue;
      }
      if (r.summary().session() != null) {
        sessions.add(r.summary().session());
      }
      days.add(Instant.ofEpochMilli(r.ts()).atZone(zone).toLocalDate());
    }
    return sessions.size() >= MIN_SPREAD || days.size() >= MIN_SPREAD;
  }

  /** The site ids a configuration names, "generic" never among them. */
  public static Set<String> chatSites(Targets targets) {
    Set<String> ids = new HashSet<>();
    targets.sites().forEach(site -> ids.add(site.id()));
    ids.remove("generic");
    return Set.copyOf(ids);
  }

  static Match match(Finding f, List<HistoryRecord> members) {
    Set<String> ids = new HashSet<>();
    members.forEach(r -> ids.add(r.breakId()));
    return new Match(f, ids);
  }

  /** One evidence line per member break, newest first, at most {@link #MAX_LINES}. */
  static List<EvidenceLine> memberLines(List<HistoryRecord> members, long refTs, Describer d) {
    List<HistoryRecord> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingLong(HistoryRecord::ts).reversed());
    List<EvidenceLine> out = new ArrayList<>();
    for (HistoryRecord r : sorted.subList(0, Math.min(MAX_LINES, sorted.size()))) {
      out.add(new EvidenceLine(r.ts() - refTs, "a break on "
          + (r.site() == null ? "an unknown site" : r.site()) + d.describe(r)));
    }
    if (sorted.size() > MAX_LINES) {
      out.add(new EvidenceLine(sorted.get(sorted.size() - 1).ts() - refTs,
          "and " + (sorted.size() - MAX_LINES) + " earlier breaks"));
    }
    return out;
  }

  /** The newest member's time relative to refTs: where a summary line sits. */
  static long newest(List<HistoryRecord> members, long refTs) {
    return members.stream().mapToLong(HistoryRecord::ts).max().orElse(refTs) - refTs;
  }

  static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  interface Describer {
    String describe(HistoryRecord r);
  }
}
