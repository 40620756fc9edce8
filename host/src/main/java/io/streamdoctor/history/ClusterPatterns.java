package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.history.BreakSummary.Ext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Breaks grouped by one shared trait: network, site, enabled extension. A group speaks only when
 * it has contrast — the trait varies across the breaks and one value dominates — because a user on
 * one network, or on one chat site, has every break "clustered" there and learns nothing.
 */
final class ClusterPatterns {
  static final double NETWORK_SHARE = 0.6;
  static final double SITE_SHARE = 0.7;
  static final double EXTENSION_SHARE = 0.8;

  private ClusterPatterns() {}

  static Optional<Patterns.Match> network(List<HistoryRecord> records, long refTs) {
    return dominant(records, HistoryRecord::networkId, NETWORK_SHARE).map(c -> {
      List<EvidenceLine> ev = new ArrayList<>();
      ev.add(new EvidenceLine(Patterns.newest(c.members, refTs), c.members.size() + " of "
          + c.known + " breaks with a known network happened on network #" + c.key
          + " (a hash of its gateway/SSID), out of " + c.distinct + " networks seen"));
      ev.addAll(Patterns.memberLines(c.members, refTs, r -> ""));
      return Patterns.match(new Finding(Patterns.SAME_NETWORK, 0.25 + 0.3 * c.share(), ev, caveat(),
          List.of(Remedies.CHANGE_NETWORK, Remedies.CHECK_NETWORK)), c.members);
    });
  }

  static Optional<Patterns.Match> site(List<HistoryRecord> records, long refTs) {
    return dominant(records, HistoryRecord::site, SITE_SHARE).map(c -> {
      List<EvidenceLine> ev = new ArrayList<>();
      ev.add(new EvidenceLine(Patterns.newest(c.members, refTs), c.members.size() + " of "
          + c.known + " breaks happened on " + c.key + ", out of " + c.distinct + " sites"));
      ev.addAll(Patterns.memberLines(c.members, refTs, r -> ""));
      return Patterns.match(new Finding(Patterns.SAME_SITE, 0.2 + 0.3 * c.share(), ev, caveat(),
          List.of(Remedies.CHECK_STATUS_PAGE, Remedies.WAIT_AND_RETRY)), c.members);
    });
  }

  /**
   * One extension enabled at (nearly) every break while the rest of the set varies. When several
   * extensions are on at every break, history cannot single one out and says nothing.
   */
  static Optional<Patterns.Match> extension(List<HistoryRecord> records, long refTs) {
    List<HistoryRecord> known = new ArrayList<>();
    Map<String, List<HistoryRecord>> byExt = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    for (HistoryRecord r : records) {
      if (r.summary().extensionsHash() == null) {
        continue;
      }
      known.add(r);
      for (Ext e : r.summary().extensions()) {
        byExt.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(r);
        names.put(e.id(), e.name());
      }
    }
    long sets = known.stream().map(r -> r.summary().extensionsHash()).distinct().count();
    List<String> candidates = new ArrayList<>();
    byExt.forEach((id, members) -> {
      if (members.size() >= Patterns.MIN_BREAKS && members.size() >= EXTENSION_SHARE * known.size()) {
        candidates.add(id);
      }
    });
    if (candidates.size() != 1 || sets < 2) {
      return Optional.empty();
    }
    String id = candidates.get(0);
    List<HistoryRecord> members = byExt.get(id);
    double share = (double) members.size() / known.size();
    List<EvidenceLine> ev = new ArrayList<>();
    ev.add(new EvidenceLine(Patterns.newest(members, refTs), "the extension " + names.get(id)
        + " (" + id + ") was enabled at " + members.size() + " of " + known.size()
        + " breaks, the only one common to them; the other enabled extensions varied"));
    ev.addAll(Patterns.memberLines(members, refTs, r -> ""));
    return Optional.of(Patterns.match(new Finding(Causes.EXTENSION_INTERFERENCE, 0.2 + 0.2 * share,
        ev, caveat(), List.of(Remedies.DISABLE_EXTENSION, Remedies.ISOLATED_PROFILE)), members));
  }

  private static List<EvidenceLine> caveat() {
    return List.of(new EvidenceLine(0, Patterns.BREAKS_ONLY));
  }

  /** The most common key among breaks that have one, if it dominates and the key varies. */
  static Optional<Cluster> dominant(List<HistoryRecord> records, Function<HistoryRecord, String> key,
      double minShare) {
    Map<String, List<HistoryRecord>> groups = new TreeMap<>();
    int known = 0;
    for (HistoryRecord r : records) {
      String k = key.apply(r);
      if (k != null) {
        known++;
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      }
    }
    if (groups.size() < 2) {
      return Optional.empty();
    }
    Map.Entry<String, List<HistoryRecord>> top = null;
    for (Map.Entry<String, List<HistoryRecord>> e : groups.entrySet()) {
      if (top == null || e.getValue().size() > top.getValue().size()) {
        top = e;
      }
    }
    int n = top.getValue().size();
    if (n < Patterns.MIN_BREAKS || n < minShare * known) {
      return Optional.empty();
    }
    return Optional.of(new Cluster(top.getKey(), top.getValue(), known, groups.size()));
  }

  record Cluster(String key, List<HistoryRecord> members, int known, int distinct) {
    double share() {
      return (double) members.size() / known;
    }
  }
}
