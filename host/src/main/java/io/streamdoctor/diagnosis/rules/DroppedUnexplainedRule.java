package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.diagnosis.TriggerKind;
import io.streamdoctor.evidence.PageBanner;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.StreamEnded;
import java.util.ArrayList;
import java.util.List;

/**
 * The honest fallback: the stream died abnormally (WebSocket 1006 says only that the TCP
 * connection is gone; a body error says as little) and no other rule has evidence. The engine
 * drops it as soon as another cause is well supported.
 */
public final class DroppedUnexplainedRule implements Rule {
  @Override
  public String cause() {
    return Causes.STREAM_DROPPED_UNEXPLAINED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    StreamEnded end = ctx.stream().end();
    if (ctx.trigger().kind() == TriggerKind.BANNER && (end == null || !end.isBreak())) {
      return bannerOnly(ctx, end);
    }
    if (end == null || !end.isBreak()) {
      return Verdicts.silent(cause());
    }
    List<EvidenceLine> lines = new ArrayList<>();
    if (end.closeCode() != null) {
      lines.add(ctx.line(end, "WebSocket closed with " + end.closeCode()
          + (Boolean.FALSE.equals(end.wasClean()) ? " without a close frame" : "")));
    } else if ("truncated".equals(end.outcome())) {
      lines.add(ctx.line(end, "the stream ended without its terminal marker"));
    } else {
      lines.add(ctx.line(end, "the stream failed"
          + (end.errorName() == null ? "" : " (" + end.errorName() + ")")));
    }
    for (RequestError e : ctx.streamRequestErrors()) {
      lines.add(ctx.line(e, "the browser reported " + Verdicts.errorCode(e.error())));
    }
    lines.add(ctx.line(end, "after " + end.frames() + " frames"));
    return Verdicts.found(cause(), 0.35, lines, Remedies.REGENERATE);
  }

  /**
   * The page showed its error banner while the stream was fine or still running: something in the
   * page broke its reader (another script wrapping fetch, a page bug). Nothing on the wire to
   * blame, so only the fallback unless another rule (extension.interference) has evidence.
   */
  private RuleResult bannerOnly(BreakContext ctx, StreamEnded end) {
    List<EvidenceLine> lines = new ArrayList<>();
    for (PageBanner b : ctx.near(PageBanner.class, 15_000, 15_000)) {
      if (b.tabId() == null || b.tabId().equals(ctx.tabId())) {
        lines.add(ctx.line(b, "the page showed its error banner (" + b.pattern() + ")"));
        break;
      }
    }
    if (end != null) {
      lines.add(ctx.line(end, "while the stream itself ended " + end.outcome() + " after " + end.frames() + " frames"));
    } else if (ctx.trigger().stream() != null) {
      lines.add(ctx.lineAtBreak("while the stream was still open"));
    }
    return Verdicts.found(cause(), 0.35, lines, Remedies.REGENERATE);
  }
}
