package io.streamdoctor.probe;

import io.streamdoctor.config.ProbeTarget;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.timeline.RateBudget;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The post-mortem's budget. A page can end thousands of streams a minute; the probes it may cause
 * are bounded here, per configured site:
 * <ul>
 *   <li>breaks of the same site and host within {@link #SHARE_MS} share one probe run (its
 *       evidence lands on the timeline once; {@code diagnosis.Probes} attributes probes taken up
 *       to 5 s before a break to it, so the shared run describes every one of them);</li>
 *   <li>at most {@link #RUNS_PER_MINUTE} new runs and {@link #FOLLOW_UPS_PER_MINUTE} probed
 *       verdicts per site a minute (bursts of {@link #BURST}); a break beyond keeps its first,
 *       evidence-only verdict, which never waits for any of this. Sheds are counted and logged.</li>
 * </ul>
 */
final class ProbeRuns {
  private static final Logger LOG = Logger.getLogger(ProbeRuns.class.getName());
  static final double SHARE_MS = 4_000;
  static final int RUNS_PER_MINUTE = 20;
  static final int FOLLOW_UPS_PER_MINUTE = 60;
  static final int BURST = 10;
  private static final int MAX_KEYS = 64;

  /** What became of one break's post-mortem. */
  enum Outcome { STARTED, SHARED, SHED }

  record Admission(Outcome outcome, CompletableFuture<List<Evidence>> run) {}

  private record Run(double startedMs, CompletableFuture<List<Evidence>> future) {}

  private final Map<String, Run> recent = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
      return size() > MAX_KEYS;
    }
  };
  private final Map<String, RateBudget> runs = new HashMap<>();
  private final Map<String, RateBudget> followUps = new HashMap<>();
  private long shedCount;

  /** Decides for a break on {@code t} at {@code nowMs}; {@code start} starts a new run. */
  synchronized Admission admit(ProbeTarget t, double nowMs, Supplier<CompletableFuture<List<Evidence>>> start) {
    String site = t.site().id();
    if (!followUps.computeIfAbsent(site, k -> new RateBudget(FOLLOW_UPS_PER_MINUTE, BURST)).take(nowMs)) {
      return shed(site);
    }
    String key = site + "|" + t.host() + "|" + t.port();
    Run r = recent.get(key);
    if (r != null && nowMs - r.startedMs() >= 0 && nowMs - r.startedMs() < SHARE_MS) {
      return new Admission(Outcome.SHARED, r.future());
    }
    if (!runs.computeIfAbsent(site, k -> new RateBudget(RUNS_PER_MINUTE, BURST)).take(nowMs)) {
      return shed(site);
    }
    CompletableFuture<List<Evidence>> f = start.get();
    recent.put(key, new Run(nowMs, f));
    return new Admission(Outcome.STARTED, f);
  }

  private Admission shed(String site) {
    shedCount++;
    if (shedCount == 1 || shedCount % 100 == 0) {
      LOG.warning("post-mortem budget of site " + site + " spent: " + shedCount
          + " break(s) kept their evidence-only verdict without probes");
    }
    return new Admission(Outcome.SHED, null);
  }

  synchronized long shed() {
    return shedCount;
  }
}
