package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.CookieChanged;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.StreamEvent;
import io.streamdoctor.evidence.StreamOpened;
import io.streamdoctor.evidence.StreamStalled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** 401/403 on the stream, the session cookie churning mid-stream, or several tabs streaming. */
public final class SessionConflictRule implements Rule {
  static final double CONCURRENCY_ALONE = 0.3;
  /** A stream counts as live in another tab only with activity this recent (a closed tab sends nothing). */
  static final double LIVE_WINDOW_MS = 30_000;

  @Override
  public String cause() {
    return Causes.SESSION_CONFLICT;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    Integer status = ctx.stream().httpStatus();
    if (status != null && (status == 401 || status == 403)) {
      lines.add(ctx.lineAtBreak("the stream request was refused with HTTP " + status));
      confidence = 0.92;
    }
    Integer upgrade = Probes.of(ctx).wsUpgradeStatus();
    if (ctx.stream().wsFailedBeforeOpen() && upgrade != null && (upgrade == 401 || upgrade == 403)) {
      lines.add(ctx.lineAtBreak("a fresh WebSocket upgrade to the site was refused with HTTP " + upgrade));
      confidence = 0.8;
    }
    for (CookieChanged c : ctx.all(CookieChanged.class)) {
      // Only while this stream ran: a logout before it opened was followed by a fresh session.
      boolean during = c.ts() >= ctx.streamStart() && c.ts() <= ctx.breakTs() + 2_000;
      if (during && Objects.equals(c.site(), ctx.site()) && isSessionLoss(c)) {
        lines.add(ctx.line(c, "session cookie " + c.name() + " was " + lossWord(c) + " while the stream ran"));
        confidence = Math.max(confidence, 0.7);
      }
    }
    CookieChanged gone = goneAtOpen(ctx);
    boolean noAnswer = ctx.stream().wsFailedBeforeOpen()
        || (!ctx.stream().established() && ctx.stream().end() != null && ctx.stream().end().isBreak());
    if (gone != null && noAnswer) {
      // The request (a WebSocket upgrade most of all: Chromium reports no status for it) went out
      // without the session the page was using: the same churn as mid-stream, one step earlier.
      lines.add(ctx.line(gone, "session cookie " + gone.name() + " was " + lossWord(gone)
          + " before the stream's request and not set again, so it went without a session"));
      confidence = confidence >= 0.8 ? 0.85 : Math.max(confidence, 0.75);
    }
    int otherTabs = otherTabsStreaming(ctx);
    if (otherTabs > 0) {
      lines.add(ctx.lineAtBreak(otherTabs + " other tab(s) of this site were streaming at the same time"));
      // Weak on its own: people stream in several tabs without conflicts all the time.
      confidence = Math.max(confidence, CONCURRENCY_ALONE);
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return Verdicts.found(
        cause(), confidence, lines, Remedies.CLEAR_SITE_SESSION, Remedies.ONE_ACCOUNT_PER_PROFILE);
  }

  /**
   * Sites refresh their session cookie all the time: chrome.cookies.onChanged reports such a
   * refresh as a removal with cause "overwrite" followed by an "explicit" set. Only a cookie that
   * went away (deleted, expired, evicted, or overwritten with an expired one: a logout) is a loss.
   */
  static boolean isSessionLoss(CookieChanged c) {
    return c.removed() && !"overwrite".equals(c.cause());
  }

  /** Cookie churn this long before a request still describes the session it was sent with. */
  static final double GONE_BEFORE_MS = 1_800_000;

  /**
   * The site's session cookie whose last change before the stream opened was a loss: the request
   * was made without it. A refresh (removal then set) leaves the cookie present and does not count.
   */
  static CookieChanged goneAtOpen(BreakContext ctx) {
    double open = ctx.streamStart();
    Map<String, CookieChanged> last = new HashMap<>();
    for (CookieChanged c : ctx.all(CookieChanged.class)) {
      if (c.ts() <= open && c.ts() >= open - GONE_BEFORE_MS && Objects.equals(c.site(), ctx.site())
          && (!last.containsKey(c.name()) || last.get(c.name()).ts() <= c.ts())) {
        last.put(c.name(), c);
      }
    }
    for (CookieChanged c : last.values()) {
      if (isSessionLoss(c)) {
        return c;
      }
    }
    return null;
  }

  private static String lossWord(CookieChanged c) {
    String cause = c.cause() == null ? "" : c.cause();
    return switch (cause) {
      case "expired", "expired_overwrite" -> "expired";
      case "evicted" -> "evicted";
      default -> "removed";
    };
  }

  private static int otherTabsStreaming(BreakContext ctx) {
    if (ctx.site() == null || ctx.tabId() == null) {
      return 0;
    }
    Map<String, Double> lastActivity = new HashMap<>();
    Map<String, Integer> tabOf = new HashMap<>();
    Set<String> finished = new HashSet<>();
    for (Evidence e : ctx.evidence()) {
      if (e.ts() > ctx.breakTs()) {
        continue;
      }
      if (e instanceof StreamOpened o && ctx.site().equals(o.site()) && o.tabId() != null
          && !o.tabId().equals(ctx.tabId())) {
        tabOf.put(o.stream(), o.tabId());
        lastActivity.put(o.stream(), o.ts());
      } else if (e instanceof StreamEnded end) {
        finished.add(end.stream());
      } else if (e instanceof StreamStalled st) {
        finished.add(st.stream());
      } else if (e instanceof StreamEvent se && tabOf.containsKey(se.stream())) {
        lastActivity.put(se.stream(), e.ts());
      }
    }
    Set<Integer> tabs = new HashSet<>();
    for (Map.Entry<String, Integer> t : tabOf.entrySet()) {
      Double last = lastActivity.get(t.getKey());
      boolean live = !finished.contains(t.getKey()) && last != null && last >= ctx.breakTs() - LIVE_WINDOW_MS
          && last >= ctx.streamStart() - LIVE_WINDOW_MS;
      if (live) {
        tabs.add(t.getValue());
      }
    }
    return tabs.size();
  }
}
