package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.CookieChanged;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamOpened;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** 401/403 on the stream, the session cookie churning mid-stream, or several tabs streaming. */
public final class SessionConflictRule implements Rule {
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
    for (CookieChanged c : ctx.all(CookieChanged.class)) {
      boolean during = c.ts() >= ctx.streamStart() - 2_000 && c.ts() <= ctx.breakTs() + 2_000;
      if (during && Objects.equals(c.site(), ctx.site()) && isSessionLoss(c)) {
        lines.add(ctx.line(c, "session cookie " + c.name() + " was " + lossWord(c) + " while the stream ran"));
        confidence = Math.max(confidence, 0.7);
      }
    }
    int otherTabs = otherTabsStreaming(ctx);
    if (otherTabs > 0) {
      lines.add(ctx.lineAtBreak(otherTabs + " other tab(s) of this site were streaming at the same time"));
      confidence = Math.max(confidence, 0.5);
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
    List<Integer> tabs = new ArrayList<>();
    for (StreamOpened o : ctx.all(StreamOpened.class)) {
      if (!ctx.site().equals(o.site()) || o.tabId() == null || o.tabId().equals(ctx.tabId())) {
        continue;
      }
      if (o.ts() <= ctx.breakTs() && !endedBefore(ctx, o.stream(), ctx.streamStart()) && !tabs.contains(o.tabId())) {
        tabs.add(o.tabId());
      }
    }
    return tabs.size();
  }

  private static boolean endedBefore(BreakContext ctx, String stream, double t) {
    for (StreamEnded e : ctx.all(StreamEnded.class)) {
      if (stream.equals(e.stream()) && e.ts() < t) {
        return true;
      }
    }
    return false;
  }
}
