package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.PageBanner;
import io.streamdoctor.evidence.PageInitFailed;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamErrored;
import io.streamdoctor.evidence.StreamFirstByte;
import io.streamdoctor.evidence.StreamFirstToken;
import io.streamdoctor.evidence.StreamOpened;
import io.streamdoctor.evidence.StreamStalled;
import io.streamdoctor.evidence.TcpRetransmits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, event by event, when the user met a break: a stream's own bad outcome, but also what
 * the page showed (its error banner, a page that never came up), a stream stuck connecting and an
 * answer that completed far too slowly (docs/diagnosis.md "When is it a break?"). A stream breaks
 * at most once; later events about it (the end after a stall, the close after an error object, the
 * banner after the end) re-trigger the same break id so its diagnosis is refreshed, not duplicated.
 */
public final class BreakDetector {
  private static final int MAX_TRACKED = 512;
  /** How far from its end a browser-side abort of a stream's request explains that end. */
  static final double ABORT_EXPLAINS_MS = 2_000;
  /** A banner this soon after its tab's latest stream ended is about that stream's answer. */
  static final double BANNER_AFTER_END_MS = 10_000;
  /**
   * A banner within this of a break of its tab is that break; so is one within
   * {@link #BANNER_PAGE_DEDUPE_MS} while that break's stream is still the tab's latest (the same
   * answer's banner re-rendered).
   */
  static final double BANNER_SAME_BREAK_MS = 15_000;
  /** A banner break absorbs further banners of its tab (no newer stream) for this long. */
  static final double BANNER_PAGE_DEDUPE_MS = 60_000;

  private final Map<String, BreakTrigger> broken = lru();
  private final Map<String, StreamOpened> opened = lru();
  private final Map<String, Double> endedAt = lru();
  private final Map<String, Double> firstFrameMs = lru();
  private final Map<String, Double> abortedByBrowser = lru();
  private final Map<Integer, String> latestOfTab = lru();
  private final Map<Integer, BreakTrigger> latestBreakOfTab = lru();
  private final SlowStreams slow = new SlowStreams();

  public Optional<BreakTrigger> offer(Evidence ev) {
    if (ev instanceof StreamOpened o) {
      opened.put(o.stream(), o);
      if (o.tabId() != null) {
        latestOfTab.put(o.tabId(), o.stream());
      }
    } else if (ev instanceof StreamFirstByte b && b.ttfbMs() != null) {
      firstFrameMs.putIfAbsent(b.stream(), b.ttfbMs());
    } else if (ev instanceof StreamFirstToken t && t.ttftMs() != null) {
      firstFrameMs.put(t.stream(), t.ttftMs());
    } else if (ev instanceof StreamEnded e) {
      return onEnd(e);
    } else if (ev instanceof StreamStalled s) {
      return first(s.stream(), s.connecting() ? TriggerKind.CONNECTING : TriggerKind.STALL, s.ts() - s.silentMs(), null);
    } else if (ev instanceof StreamErrored e) {
      return first(e.stream(), TriggerKind.ERROR, e.ts(), null);
    } else if (ev instanceof PageBanner b) {
      return onBanner(b);
    } else if (ev instanceof TcpRetransmits r) {
      slow.offer(r);
    } else if (ev instanceof PageInitFailed p) {
      return Optional.of(pageBreak(TriggerKind.PAGE, p.ts(), p.site(), p.tabId()));
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
    endedAt.put(e.stream(), e.ts());
    if (prior == null) {
      if (e.isBreak()) {
        return abortedNear(e.stream(), e.ts()) ? Optional.empty() : first(e.stream(), TriggerKind.END, e.ts(), null);
      }
      return "complete".equals(e.outcome()) ? judgeSpeed(e) : Optional.empty();
    }
    TriggerKind kind;
    if (e.isBreak() || prior.kind() == TriggerKind.ERROR || prior.kind() == TriggerKind.END) {
      kind = TriggerKind.END;
    } else if (prior.kind() == TriggerKind.STALL || prior.kind() == TriggerKind.CONNECTING) {
      kind = TriggerKind.RECOVERED;
    } else {
      kind = prior.kind(); // a banner over a stream that then completed stays the banner's break
    }
    return Optional.of(remember(prior.as(kind)));
  }

  private Optional<BreakTrigger> judgeSpeed(StreamEnded e) {
    StreamOpened o = opened.get(e.stream());
    if (o == null) {
      return Optional.empty();
    }
    String note = slow.judge(o.site(), e, o.ts(), firstFrameMs.getOrDefault(e.stream(), 0.0));
    return note == null ? Optional.empty() : first(e.stream(), TriggerKind.SLOW, e.ts(), note);
  }

  /**
   * The page showed its error banner. It is the break of its tab's stream when that break exists
   * (either order: the banner may land before or after the stream's own end), else it opens one on
   * the tab's latest stream when that is still open or just ended (a stream that completed while a
   * script broke the page's reader), else a break of the page itself.
   */
  private Optional<BreakTrigger> onBanner(PageBanner b) {
    Integer tab = b.tabId();
    String latest = tab == null ? null : latestOfTab.get(tab);
    BreakTrigger prior = tab == null ? null : latestBreakOfTab.get(tab);
    if (prior != null && sameBreak(prior, latest, b.ts())) {
      return Optional.of(prior);
    }
    if (latest != null) {
      Double ended = endedAt.get(latest);
      if (ended == null || b.ts() - ended <= BANNER_AFTER_END_MS) {
        return first(latest, TriggerKind.BANNER, b.ts(), null);
      }
    }
    return Optional.of(pageBreak(TriggerKind.BANNER, b.ts(), b.site(), tab));
  }

  private static boolean sameBreak(BreakTrigger prior, String latest, double ts) {
    if (prior.stream() == null) {
      return prior.kind() == TriggerKind.BANNER && ts - prior.at() <= BANNER_PAGE_DEDUPE_MS && latest == null;
    }
    double since = Math.abs(ts - prior.at());
    return since <= BANNER_SAME_BREAK_MS || (prior.stream().equals(latest) && since <= BANNER_PAGE_DEDUPE_MS);
  }

  /**
   * Called when a new break's settle wait is over: true, and the break forgotten, when by then
   * the browser's abort of the stream's request has arrived after all (webRequest and the page
   * hook reach the host by different paths; in Firefox the abort often lands after the end).
   */
  public boolean withdraw(BreakTrigger t) {
    if (t.stream() == null || t.kind() != TriggerKind.END || !abortedNear(t.stream(), t.at())) {
      return false;
    }
    broken.remove(t.stream());
    if (t.tabId() != null && t.equals(latestBreakOfTab.get(t.tabId()))) {
      latestBreakOfTab.remove(t.tabId());
    }
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

  private Optional<BreakTrigger> first(String stream, TriggerKind kind, double at, String note) {
    if (broken.containsKey(stream)) {
      return Optional.empty();
    }
    StreamOpened o = opened.get(stream);
    String site = o == null ? null : o.site();
    Integer tab = o == null ? null : o.tabId();
    return Optional.of(remember(new BreakTrigger("b-" + (long) at + "-" + stream, stream, kind, at, site, tab, note)));
  }

  private BreakTrigger remember(BreakTrigger t) {
    if (t.stream() != null) {
      broken.put(t.stream(), t);
    }
    if (t.tabId() != null) {
      BreakTrigger old = latestBreakOfTab.get(t.tabId());
      if (old == null || old.at() <= t.at() || Objects.equals(old.breakId(), t.breakId())) {
        latestBreakOfTab.put(t.tabId(), t);
      }
    }
    return t;
  }

  private BreakTrigger pageBreak(TriggerKind kind, double ts, String site, Integer tab) {
    String what = kind == TriggerKind.PAGE_LOAD ? "load" : kind.id();
    return remember(new BreakTrigger("b-" + (long) ts + "-" + what + "-" + tab, null, kind, ts, site, tab));
  }

  private Optional<BreakTrigger> onMainFrameError(RequestError r) {
    NetErrors.Kind k = NetErrors.kind(r.error());
    if (k == NetErrors.Kind.ABORTED || k == NetErrors.Kind.UNKNOWN || k == NetErrors.Kind.CANCELLED) {
      return Optional.empty();
    }
    return Optional.of(pageBreak(TriggerKind.PAGE_LOAD, r.ts(), null, r.tabId()));
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > MAX_TRACKED;
      }
    };
  }
}
