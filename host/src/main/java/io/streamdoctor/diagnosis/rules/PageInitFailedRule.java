package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.HttpStatus;
import io.streamdoctor.evidence.PageInitFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The app never rendered: its scripts failed to load or were blocked. */
public final class PageInitFailedRule implements Rule {
  @Override
  public String cause() {
    return Causes.PAGE_INIT_FAILED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    for (PageInitFailed p : ctx.near(PageInitFailed.class, 60_000, 5_000)) {
      if (Objects.equals(p.tabId(), ctx.tabId()) || ctx.tabId() == null) {
        String scripts = p.failedScripts() == null || p.failedScripts() == 0 ? ""
            : ", " + p.failedScripts() + " script(s) failed";
        lines.add(ctx.line(p, "the chat app never rendered (" + p.reason() + scripts + ")"));
        confidence = 0.9;
      }
    }
    for (HttpStatus h : ctx.near(HttpStatus.class, 60_000, 5_000)) {
      boolean sameTab = h.tabId() == null || ctx.tabId() == null || h.tabId().equals(ctx.tabId());
      if (sameTab && h.status() >= 400 && "script".equals(h.resourceType())) {
        lines.add(ctx.line(h, "a script of the page failed with HTTP " + h.status() + ": " + h.url()));
        confidence = Math.max(confidence, 0.8);
      }
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.HARD_RELOAD, Remedies.DISABLE_SCRIPT_BLOCKERS);
  }
}
