package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.RequestError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything a rule may look at for one break: the trigger, the broken stream folded into one
 * view, and the evidence known when the diagnosis runs (host-clock timestamps).
 */
public final class BreakContext {
  private final BreakTrigger trigger;
  private final StreamInfo stream;
  private final List<Evidence> evidence;
  private final double breakTs;

  public BreakContext(BreakTrigger trigger, List<Evidence> evidence) {
    this.trigger = trigger;
    this.evidence = List.copyOf(evidence);
    this.stream = StreamInfo.of(trigger.stream(), this.evidence);
    this.breakTs = trigger.at();
  }

  public BreakTrigger trigger() {
    return trigger;
  }

  public StreamInfo stream() {
    return stream;
  }

  public List<Evidence> evidence() {
    return evidence;
  }

  public double breakTs() {
    return breakTs;
  }

  public String site() {
    return stream.site() != null ? stream.site() : trigger.site();
  }

  public Integer tabId() {
    return stream.tabId() != null ? stream.tabId() : trigger.tabId();
  }

  /** Milliseconds relative to the break, for evidence lines. */
  public long rel(Evidence e) {
    return Math.round(e.ts() - breakTs);
  }

  public EvidenceLine line(Evidence e, String text) {
    return new EvidenceLine(rel(e), text);
  }

  public EvidenceLine lineAtBreak(String text) {
    return new EvidenceLine(0, text);
  }

  public <T extends Evidence> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Evidence e : evidence) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** Evidence of a type from {@code beforeMs} before the break to {@code afterMs} after it. */
  public <T extends Evidence> List<T> near(Class<T> type, double beforeMs, double afterMs) {
    List<T> out = new ArrayList<>();
    for (T e : all(type)) {
      if (e.ts() >= breakTs - beforeMs && e.ts() <= breakTs + afterMs) {
        out.add(e);
      }
    }
    return out;
  }

  /** When the stream was opened, or a minute before the break when we never saw it open. */
  public double streamStart() {
    return stream.opened() != null ? stream.opened().ts() : breakTs - 60_000;
  }

  /**
   * Request errors that belong to this break: matched to the stream by the worker, or on the
   * stream's URL in the same tab while the stream lived. Errors on other URLs (analytics, ads) are
   * not the stream's and stay out.
   */
  public List<RequestError> streamRequestErrors() {
    List<RequestError> out = new ArrayList<>();
    for (RequestError e : all(RequestError.class)) {
      if (belongsToStream(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private boolean belongsToStream(RequestError e) {
    if (trigger.stream() != null && trigger.stream().equals(e.stream())) {
      return true;
    }
    boolean inTime = e.ts() >= streamStart() - 2_000 && e.ts() <= breakTs + 5_000;
    boolean sameTab = e.tabId() == null || tabId() == null || e.tabId().equals(tabId());
    return inTime && sameTab && sameUrl(e.url(), stream.url());
  }

  /** Request errors in the tab near the break on the page itself or its scripts. */
  public List<RequestError> pageRequestErrors(double beforeMs, double afterMs) {
    List<RequestError> out = new ArrayList<>();
    for (RequestError e : near(RequestError.class, beforeMs, afterMs)) {
      boolean sameTab = e.tabId() == null || tabId() == null || e.tabId().equals(tabId());
      String type = e.resourceType() == null ? "" : e.resourceType().toLowerCase(Locale.ROOT);
      if (sameTab && (type.equals("main_frame") || type.equals("script"))) {
        out.add(e);
      }
    }
    return out;
  }

  public static boolean sameUrl(String a, String b) {
    return a != null && b != null && stripQuery(a).equals(stripQuery(b));
  }

  private static String stripQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
