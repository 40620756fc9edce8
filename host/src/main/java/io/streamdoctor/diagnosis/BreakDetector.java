package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.PageInitFailed;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamErrored;
import io.streamdoctor.evidence.StreamOpened;
import io.streamdoctor.evidence.StreamStalled;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, event by event, when a break happened. A stream breaks at most once; later events about
 * it (the end after a stall, the close after an error object) re-trigger the same break id so its
 * diagnosis is refreshed instead of duplicated.
 */
public final class BreakDetector {
  private static final int MAX_TRACKED = 512;
  /** How far from its end a browser-side abort of a stream's request explains that end. */
  static final double ABORT_EXPLAINS_MS = 2_000;

  private final Map<String, BreakTrigger> broken = lru();
  private final Map<String, StreamOpened> open = lru();
  private final Map<String, Double> abortedByBrowser = lru();

  public Optional<BreakTrigger> offer(Evidence ev) {
    if (ev instanceof StreamOpened o) {
      open.put(o.stream(), o);
    } else if (ev instanceof StreamEnded e) {
      return onEnd(e);
    } else if (ev instanceof StreamStalled s) {
      return first(s.stream(), "stall", s.ts() - s.silentMs());
    } else if (ev instanceof StreamErrored e) {
      return first(e.stream(), "error", e.ts());
    } else if (ev instanceof PageInitFailed p) {
      String id = "b-" + (long) p.ts() + "-page-" + p.tabId();
      return Optional.of(new BreakTrigger(id, null, "page", p.ts(), p.site(), p.tabId()));
    } else if (ev instanceof RequestError r) {
      if (r.stream() != null && NetErrors.kind(r.error()) == NetErrors.Kind.ABORTED) {
        abortedByBrowser.put(r.stream(), r.ts());
      }
      if ("main_frame".equals(r.resourceType())) {
        return onMainFrameError(r);
      }
    }
    return Optional.empty();
  }

  private Optional<BreakTrigger> onEnd(StreamEnded e) {
    BreakTrigger prior = broken.get(e.stream());
    open.remove(e.stream());
    if (prior == null) {
      return e.isBreak() && !abortedNear(e.stream(), e.ts()) ? first(e.stream(), "end", e.ts()) : Optional.empty();
    }
    String kind = e.isBreak() ? "end" : "recovered";
    if ("error".equals(prior.kind()) || "end".equals(prior.kind())) {
      kind = "end";
    }
    BreakTrigger again =
        new BreakTrigger(prior.breakId(), prior.stream(), kind, prior.at(), prior.site(), prior.tabId());
    broken.put(e.stream(), again);
    return Optional.of(again);
  }

  /**
   * Called when a new break's settle wait is over: true, and the break forgotten, when by then
   * the browser's abort of the stream's request has arrived after all (webRequest and the page
   * hook reach the host by different paths; in Firefox the abort often lands after the end).
   */
  public boolean withdraw(BreakTrigger t) {
    if (t.stream() == null || !"end".equals(t.kind()) || !abortedNear(t.stream(), t.at())) {
      return false;
    }
    broken.remove(t.stream());
    return true;
  }

  /**
   * The browser itself cancelled the stream's request (net::ERR_ABORTED, Firefox's
   * NS_BINDING_ABORTED: navigation, reload, stop, tab close) around the time the page saw it fail.
   * Firefox still rejects the page's reader with a TypeError then, which reads as an error end;
   * a network failure has its own codes (NetErrors), so this is the user leaving, not a break.
   */
  private boolean abortedNear(String stream, double endTs) {
    Double at = abortedByBrowser.get(stream);
    return at != null && Math.abs(endTs - at) <= ABORT_EXPLAINS_MS;
  }

  private Optional<BreakTrigger> first(String stream, String kind, double at) {
    if (broken.containsKey(stream)) {
      return Optional.empty();
    }
    StreamOpened o = open.get(stream);
    String site = o == null ? null : o.site();
    Integer tab = o == null ? null : o.tabId();
    BreakTrigger t = new BreakTrigger("b-" + (long) at + "-" + stream, stream, kind, at, site, tab);
    broken.put(stream, t);
    return Optional.of(t);
  }

  private Optional<BreakTrigger> onMainFrameError(RequestError r) {
    NetErrors.Kind k = NetErrors.kind(r.error());
    if (k == NetErrors.Kind.ABORTED || k == NetErrors.Kind.UNKNOWN || k == NetErrors.Kind.CANCELLED) {
      return Optional.empty();
    }
    String id = "b-" + (long) r.ts() + "-load-" + r.tabId();
    return Optional.of(new BreakTrigger(id, null, "page_load", r.ts(), null, r.tabId()));
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_TRACKED;
      }
    };
  }
}
