package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Streams cut at the same age: a proxy, firewall or NAT with an idle or maximum-duration timeout
 * cuts every long stream at its limit, whatever the site or the answer (product brief:
 * {@code network.idle_cutoff}, "breaks recur at the same duration").
 */
final class DurationPattern {
  /** Members lie within ±5% of the cluster's centre: timers are exact, delivery jitter is not. */
  static final double TOLERANCE = 0.05;
  /** Shorter lives are handshake or first-byte failures, not a timer firing on a live stream. */
  static final double MIN_DURATION_MS = 5_000;

  private DurationPattern() {}

  static Optional<Patterns.Match> find(List<HistoryRecord> records, long refTs) {
    List<HistoryRecord> eligible = new ArrayList<>();
    for (HistoryRecord r : records) {
      if (r.durationMs() != null && r.durationMs() >= MIN_DURATION_MS) {
        eligible.add(r);
      }
    }
    List<HistoryRecord> best = List.of();
    for (HistoryRecord centre : eligible) {
      List<HistoryRecord> members = within(eligible, centre.durationMs());
      if (members.size() > best.size()) {
        best = members;
      }
    }
    if (best.size() < Patterns.MIN_BREAKS) {
      return Optional.empty();
    }
    // Re-centre on the median so the reported duration is the cluster's, not its first member's.
    double median = median(best);
    best = within(eligible, median);
    if (best.size() < Patterns.MIN_BREAKS) {
      return Optional.empty();
    }
    double share = (double) best.size() / eligible.size();
    double confidence = Math.min(0.9, 0.5 + 0.05 * (best.size() - Patterns.MIN_BREAKS) + 0.2 * share);
    List<EvidenceLine> evidence = new ArrayList<>();
    long sites = best.stream().map(HistoryRecord::site).distinct().count();
    evidence.add(new EvidenceLine(Patterns.newest(best, refTs), best.size() + " of "
        + eligible.size() + " streams that lived over " + Patterns.seconds(MIN_DURATION_MS)
        + " were cut after " + Patterns.seconds(median) + " (±" + Math.round(TOLERANCE * 100)
        + "%)" + (sites > 1 ? ", on " + sites + " different sites" : "")));
    evidence.addAll(Patterns.memberLines(best, refTs,
        r -> " cut after " + Patterns.seconds(r.durationMs())));
    List<EvidenceLine> against = new ArrayList<>();
    long explained = best.stream()
        .filter(r -> !r.diagnosis().findings().isEmpty()
            && r.diagnosis().findings().get(0).confidence() >= 0.7
            && !Causes.NETWORK_IDLE_CUTOFF.equals(r.topCause()))
        .count();
    if (explained > 0) {
      against.add(new EvidenceLine(0, explained + " of these breaks had a strong explanation of"
          + " their own"));
    }
    return Optional.of(Patterns.match(new Finding(Causes.NETWORK_IDLE_CUTOFF, confidence, evidence,
        against, List.of(Remedies.CHANGE_NETWORK, Remedies.SHORTER_PROMPT)), best));
  }

  private static List<HistoryRecord> within(List<HistoryRecord> eligible, double centre) {
    List<HistoryRecord> out = new ArrayList<>();
    for (HistoryRecord r : eligible) {
      if (Math.abs(r.durationMs() - centre) <= centre * TOLERANCE) {
        out.add(r);
      }
    }
    return out;
  }

  private static double median(List<HistoryRecord> members) {
    double[] d = members.stream().mapToDouble(HistoryRecord::durationMs).sorted().toArray();
    return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }
}
