package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.TriggerKind;
import io.streamdoctor.evidence.StreamEnded;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.ExtensionChanged;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.HistoryPattern;
import io.streamdoctor.evidence.HookReplaced;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An extension changed just before the break, or another script took over fetch/WebSocket while
 * an extension could run scripts on the site.
 *
 * <p>A page replacing its own {@code fetch} is evidence about the page, never grounds to blame an
 * extension: {@code page.hook_replaced} carries no origin (the page itself can produce it), so it
 * decides nothing alone. With an extension enabled, installed or updated near the break it
 * strengthens that extension's finding; with only extensions that can reach the site installed it
 * is a runner-up that suggests a clean profile, never a "Disable" button.
 */
public final class ExtensionInterferenceRule implements Rule {
  static final double CHANGE_WINDOW_MS = 120_000;
  static final double CHANGED = 0.5;
  static final double CHANGED_AND_REPLACED = 0.6;
  /** Replaced hook, extensions able to reach the site, none changed: below the 0.35 fallback. */
  static final double REPLACED_WITH_CANDIDATES = 0.3;
  /**
   * The same, on a break the user saw while the network delivered the whole answer: the page's
   * banner over a stream that ended complete. Something inside the page broke its reader, and a
   * wrapper installed after our hook with an extension able to run there is the likely one. Still
   * a clean-profile test, never a "Disable" button: the page could have wrapped its own fetch, and
   * then it only mislabels its own break.
   */
  static final double READER_BROKEN_WITH_CANDIDATES = 0.5;

  @Override
  public String cause() {
    return Causes.EXTENSION_INTERFERENCE;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> changed = new ArrayList<>();
    for (ExtensionChanged c : ctx.near(ExtensionChanged.class, CHANGE_WINDOW_MS, 2_000)) {
      if (!"disabled".equals(c.change()) && !"uninstalled".equals(c.change())) {
        changed.add(ctx.line(c, "extension " + c.name() + " was " + c.change() + " shortly before the break"));
      }
    }
    List<EvidenceLine> replaced = new ArrayList<>();
    for (HookReplaced h : ctx.all(HookReplaced.class)) {
      boolean samePage = Objects.equals(h.tabId(), ctx.tabId()) || h.tabId() == null;
      if (samePage && h.ts() <= ctx.breakTs() + 2_000) {
        replaced.add(ctx.line(h, "after".equals(h.when())
            ? "another script replaced " + h.api() + " after StreamDoctor's hook"
            : h.api() + " was already replaced by another script when the page started"));
      }
    }
    int candidates = reachingSite(ctx);
    List<EvidenceLine> lines = new ArrayList<>(changed);
    double confidence = 0;
    boolean nameable = !changed.isEmpty();
    if (!changed.isEmpty()) {
      confidence = replaced.isEmpty() ? CHANGED : CHANGED_AND_REPLACED;
      lines.addAll(replaced);
    } else if (!replaced.isEmpty() && candidates > 0) {
      lines.addAll(replaced);
      lines.add(ctx.lineAtBreak(candidates + " enabled extension(s) can run scripts on this site; the page"
          + " itself may have replaced it too"));
      boolean readerBroken = ctx.trigger().kind() == TriggerKind.BANNER && completed(ctx);
      if (readerBroken) {
        lines.add(ctx.lineAtBreak("the answer arrived whole, yet the page showed its error: something in"
            + " the page broke its reading of the stream"));
      }
      confidence = readerBroken ? READER_BROKEN_WITH_CANDIDATES : REPLACED_WITH_CANDIDATES;
    }
    HistoryPattern pattern = HistoryPatterns.of(ctx, cause());
    if (pattern != null) {
      lines.addAll(HistoryPatterns.lines(ctx, pattern));
      nameable = true; // history names the one extension common to the breaks
    }
    confidence = HistoryPatterns.support(confidence, pattern);
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return nameable
        ? Verdicts.found(cause(), confidence, lines, Remedies.DISABLE_EXTENSION, Remedies.ISOLATED_PROFILE)
        : Verdicts.found(cause(), confidence, lines, Remedies.ISOLATED_PROFILE);
  }

  private static boolean completed(BreakContext ctx) {
    StreamEnded end = ctx.stream().end();
    return end != null && "complete".equals(end.outcome());
  }

  /** Enabled extensions with access to the chat host in the latest inventory. */
  private static int reachingSite(BreakContext ctx) {
    List<ExtensionInventory> inv = ctx.all(ExtensionInventory.class);
    if (inv.isEmpty()) {
      return 0;
    }
    int n = 0;
    for (ExtensionInventory.Extension x : inv.get(inv.size() - 1).extensions()) {
      if (x.enabled() && x.chatHostAccess()) {
        n++;
      }
    }
    return n;
  }
}
