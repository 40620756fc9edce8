package io.streamdoctor.timeline;

import io.streamdoctor.diagnosis.BreakTrigger;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Rations diagnosis work per tab, so no page can delay the verdict of another tab's break. A tab's
 * breaks within {@link #PER_TAB_PER_MINUTE} (bursts of {@link #BURST}) are diagnosed at once, as
 * always; nobody breaks more answers than that by hand, so the surplus is a script's, and goes to
 * a bulk lane ({@link BulkLane}: paced, {@link #BULK_QUEUE} breaks waiting at most). Beyond that a break is shed:
 * no verdict, its event still acknowledged, and counted in the log.
 */
public final class BreakGate {
  private static final Logger LOG = Logger.getLogger(BreakGate.class.getName());
  static final int PER_TAB_PER_MINUTE = 20;
  static final int BURST = 10;
  public static final int BULK_QUEUE = 32;
  private static final int MAX_TABS = 1024;

  /** Where a break's first diagnosis runs. */
  public enum Lane { NOW, BULK }

  private final Map<String, RateBudget> tabs = new HashMap<>();
  private long shed;
  private long bulk;

  /** {@code at}: the host time the break's event arrived (the replay's virtual time in replay). */
  public synchronized Lane lane(BreakTrigger t, double at) {
    String tab = t.tabId() != null ? String.valueOf(t.tabId())
        : t.stream() == null ? "" : t.stream().split(":", 2)[0];
    if (tabs.size() > MAX_TABS && !tabs.containsKey(tab)) {
      tabs.clear(); // cycling tab ids only resets budgets: no tab ever gets more than a fresh one
    }
    if (tabs.computeIfAbsent(tab, k -> new RateBudget(PER_TAB_PER_MINUTE, BURST)).take(at)) {
      return Lane.NOW;
    }
    if (++bulk == 1 || bulk % 500 == 0) {
      LOG.warning("tab " + tab + " breaks faster than anyone chats: " + bulk + " break(s) diagnosed in the bulk lane");
    }
    return Lane.BULK;
  }

  /** Counts a break the bulk lane had no room for. */
  public synchronized void shed(String breakId) {
    if (++shed == 1 || shed % 500 == 0) {
      LOG.warning("bulk lane full: " + shed + " break(s) shed without a verdict (latest " + breakId + ")");
    }
  }

  public synchronized long shedCount() {
    return shed;
  }
}
