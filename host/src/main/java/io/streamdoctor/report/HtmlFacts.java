package io.streamdoctor.report;

import io.streamdoctor.history.BreakSummary;
import io.streamdoctor.history.BreakSummary.Mark;

/** The stream's numbers and milestones as HTML (a fact grid and a milestone table). */
final class HtmlFacts {
  private HtmlFacts() {}

  static void stream(StringBuilder b, BreakSummary s) {
    b.append("<section><h2>The stream</h2>");
    if (s.marks().isEmpty()) {
      b.append("<p>No events of this stream reached StreamDoctor before the break.</p></section>");
      return;
    }
    b.append("<dl class=\"facts\">");
    fact(b, "kind", s.kind());
    fact(b, "outcome", s.outcome());
    fact(b, "close code", s.closeCode() == null ? null : String.valueOf(s.closeCode()));
    fact(b, "error", s.errorName());
    fact(b, "HTTP status", s.httpStatus() == null ? null : String.valueOf(s.httpStatus()));
    fact(b, "in-stream errors", s.errorTypes().isEmpty() ? null : String.join(", ", s.errorTypes()));
    fact(b, "request size", Text.bytes(s.payloadBytes()));
    fact(b, "received", s.frames() + " frames, " + Text.bytes(s.bytes()));
    fact(b, "lived", Text.ms(s.durationMs()));
    fact(b, "first byte", Text.ms(s.ttfbMs()));
    fact(b, "first token", Text.ms(s.ttftMs()));
    fact(b, "gap p95 / longest", Text.ms(s.gapP95Ms()) + " / " + Text.ms(s.gapMaxMs()));
    fact(b, "network", s.networkId() == null ? null : "#" + s.networkId());
    fact(b, "extensions enabled", s.extensions().isEmpty() ? null
        : String.join(", ", s.extensions().stream().map(BreakSummary.Ext::name).toList()));
    b.append("</dl>");
    boolean any = s.marks().stream().anyMatch(m -> !m.kind().equals("progress"));
    if (any) {
      b.append("<h3>Milestones</h3><table class=\"ev\">");
      for (Mark m : s.marks()) {
        if (m.kind().equals("progress")) {
          continue;
        }
        b.append("<tr><td class=\"t\">").append(Text.html(Text.rel(m.atMs()))).append("</td><td>")
            .append(Text.html(SvgTimeline.label(m.kind()))).append("</td><td>")
            .append(Text.html(m.detail() == null ? "" : m.detail())).append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("</section>");
  }

  private static void fact(StringBuilder b, String k, String v) {
    if (v != null) {
      b.append("<div><dt>").append(Text.html(k)).append("</dt><dd>").append(Text.html(v))
          .append("</dd></div>");
    }
  }
}
