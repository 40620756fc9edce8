package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.ExtensionChanged;
import io.streamdoctor.evidence.HookReplaced;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Another script took over fetch/WebSocket, or an extension changed just before the break. */
public final class ExtensionInterferenceRule implements Rule {
  static final double CHANGE_WINDOW_MS = 120_000;

  @Override
  public String cause() {
    return Causes.EXTENSION_INTERFERENCE;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    for (HookReplaced h : ctx.all(HookReplaced.class)) {
      boolean samePage = Objects.equals(h.tabId(), ctx.tabId()) || h.tabId() == null;
      if (samePage && h.ts() <= ctx.breakTs() + 2_000) {
        String how = "after".equals(h.when())
            ? "another script replaced " + h.api() + " after StreamDoctor's hook"
            : h.api() + " was already replaced by another script when the page started";
        lines.add(ctx.line(h, how));
        confidence = Math.max(confidence, 0.55);
      }
    }
    for (ExtensionChanged c : ctx.near(ExtensionChanged.class, CHANGE_WINDOW_MS, 2_000)) {
      if (!"disabled".equals(c.change()) && !"uninstalled".equals(c.change())) {
        lines.add(ctx.line(c, "extension " + c.name() + " was " + c.change() + " shortly before the break"));
        confidence = Math.max(confidence, 0.5);
      }
    }
    io.streamdoctor.evidence.HistoryPattern pattern = HistoryPatterns.of(ctx, cause());
    if (pattern != null) {
      lines.addAll(HistoryPatterns.lines(ctx, pattern));
      confidence = Math.max(confidence, Math.min(pattern.confidence(), 0.5));
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.DISABLE_EXTENSION, Remedies.ISOLATED_PROFILE);
  }
}
