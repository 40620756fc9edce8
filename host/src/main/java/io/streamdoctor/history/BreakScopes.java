package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.timeline.RateBudget;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which history quota a break counts against ({@link HistoryScope}). A chat-site break is one whose
 * stream went to a configured site host ({@code onSite}), and only while its tab stays within
 * {@link #PER_TAB_PER_MINUTE}: nobody sends that many prompts a minute by hand, so a tab making
 * breaks faster is a script, and its surplus goes to the small quota instead of evicting the
 * user's history. Decided once per break id, so every stage of one break stays in one quota.
 */
public final class BreakScopes implements Function<Diagnosis, HistoryScope> {
  static final int PER_TAB_PER_MINUTE = 20;
  static final int BURST = 10;
  private static final int REMEMBERED = 1024;

  private final Predicate<Diagnosis> onSite;
  private final DoubleSupplier nowMs;
  private final Map<String, RateBudget> tabs = new HashMap<>();
  private final Map<String, HistoryScope> decided = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, HistoryScope> eldest) {
      return size() > REMEMBERED;
    }
  };

  public BreakScopes(Predicate<Diagnosis> onSite, DoubleSupplier nowMs) {
    this.onSite = onSite;
    this.nowMs = nowMs;
  }

  @Override
  public synchronized HistoryScope apply(Diagnosis d) {
    HistoryScope known = decided.get(d.breakId());
    if (known != null) {
      return known;
    }
    HistoryScope s = onSite.test(d) && tabBudget(d.stream()).take(nowMs.getAsDouble())
        ? HistoryScope.SITE : HistoryScope.OTHER;
    decided.put(d.breakId(), s);
    return s;
  }

  private RateBudget tabBudget(String stream) {
    String tab = stream == null ? "" : stream.split(":", 2)[0];
    if (tabs.size() > REMEMBERED) {
      tabs.clear(); // a page cycling tab ids only resets budgets, it never gains more than a fresh tab
    }
    return tabs.computeIfAbsent(tab, k -> new RateBudget(PER_TAB_PER_MINUTE, BURST));
  }
}
