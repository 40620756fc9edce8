package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.HistoryPattern;
import io.streamdoctor.timeline.HostClock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the history patterns a break belongs to into timeline evidence, so the probed verdict
 * (and its replay) can name them. Bounded: a slow or broken database yields no patterns, never a
 * late verdict.
 */
public final class PatternEvidence implements Function<Diagnosis, List<Evidence>> {
  private static final Logger LOG = Logger.getLogger(PatternEvidence.class.getName());
  static final long TIMEOUT_MS = 400;

  private final HistoryService history;
  private final HostClock clock;
  private final ZoneId zone;
  private final Set<String> chatSites;

  public PatternEvidence(HistoryService history, HostClock clock, ZoneId zone) {
    this(history, clock, zone, Patterns.DEFAULT_CHAT_SITES);
  }

  /** {@code chatSites}: the configured chat sites, the only ones whose breaks patterns count. */
  public PatternEvidence(HistoryService history, HostClock clock, ZoneId zone, Set<String> chatSites) {
    this.history = history;
    this.clock = clock;
    this.zone = zone;
    this.chatSites = Set.copyOf(chatSites);
  }

  @Override
  public List<Evidence> apply(Diagnosis d) {
    List<Evidence> out = new ArrayList<>();
    try {
      history.flush(TIMEOUT_MS);
      List<Finding> found = history.call(store -> {
        Optional<HistoryRecord> self = store.byId(d.breakId());
        return self.isPresent() ? store.patternsFor(self.get(), zone, chatSites) : List.<Finding>of();
      }, TIMEOUT_MS);
      double now = clock.nowMs();
      for (Finding f : found) {
        List<String> lines = new ArrayList<>();
        for (EvidenceLine l : f.evidence()) {
          lines.add(l.text());
        }
        out.add(new HistoryPattern(now, d.breakId(), f.cause(), f.confidence(), lines));
      }
    } catch (HistoryException | RuntimeException e) {
      LOG.log(Level.INFO, "no history patterns for " + d.breakId() + ": " + e.getMessage());
    }
    return out;
  }
}
