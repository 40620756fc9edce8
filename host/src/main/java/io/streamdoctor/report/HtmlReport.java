package io.streamdoctor.report;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.diagnosis.RuleResult.RuledOut;
import io.streamdoctor.history.BreakSummary;
import io.streamdoctor.history.BreakSummary.Around;
import java.util.List;

/**
 * A self-contained HTML page for a support ticket: inline CSS and SVG, no scripts, no external
 * assets; a Content-Security-Policy of {@code default-src 'none'} makes the browser refuse any
 * load should one ever slip in. Every value is HTML-escaped.
 */
final class HtmlReport {
  private HtmlReport() {}

  static String render(Report r) {
    Diagnosis d = r.record().diagnosis();
    BreakSummary s = r.record().summary();
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>StreamDoctor report \u2014 ").append(Text.html(HtmlHeadline.of(d, s))).append("</title>")
        .append("<style>").append(HtmlStyle.CSS).append("</style></head><body><main>");
    b.append("<header><p class=\"brand\">StreamDoctor report</p><h1>")
        .append(Text.html(HtmlHeadline.of(d, s))).append("</h1><p class=\"meta\">")
        .append(Text.html(Text.utc(d.ts()))).append(" \u00b7 ")
        .append(Text.html(HtmlHeadline.stage(r.record().stage()))).append("</p>");
    b.append("</header>");
    verdict(b, d);
    if (!s.marks().isEmpty()) {
      // Without stream events there is nothing to draw; "The stream" below says so.
      b.append("<section><h2>Timeline of the stream</h2>").append(SvgTimeline.render(s))
          .append("<p class=\"legend\"><span class=\"sw bar\"></span>stream open <span class=\"sw hatch\"></span>")
          .append("no frames <span class=\"sw line\"></span>frames received <span class=\"sw dot\"></span>")
          .append("other evidence (numbers match the table below)</p></section>");
    }
    if (d.findings().size() > 1) {
      b.append("<section><h2>Other possible causes</h2>");
      d.findings().subList(1, d.findings().size()).forEach(f -> finding(b, f, false));
      b.append("</section>");
    }
    if (!d.ruledOut().isEmpty()) {
      b.append("<section><h2>Ruled out</h2><ul class=\"ruled\">");
      for (RuledOut o : d.ruledOut()) {
        b.append("<li><b>").append(Text.html(Labels.cause(o.cause()))).append("</b><br>")
            .append(Text.html(o.why())).append("</li>");
      }
      b.append("</ul></section>");
    }
    if (!r.patterns().isEmpty()) {
      b.append("<section><h2>Patterns across breaks</h2>");
      r.patterns().forEach(f -> finding(b, f, true));
      b.append("</section>");
    }
    HtmlFacts.stream(b, s);
    around(b, s.around());
    // ids for support, out of the way: the break, and the stream's sanitized address
    b.append("<footer><p>Reference: <code>").append(Text.html(d.breakId())).append("</code>");
    if (s.url() != null) {
      b.append(" \u00b7 <code>").append(Text.html(s.url())).append("</code>");
    }
    b.append("</p>").append(Text.html(Report.generator())).append(", ")
        .append(Text.html(Text.utc(r.generatedAt()))).append(". ").append(Text.html(Report.PRIVACY_NOTE))
        .append("</footer></main></body></html>\n");
    return b.toString();
  }

  private static void verdict(StringBuilder b, Diagnosis d) {
    b.append("<section class=\"verdict\"><h2>Verdict</h2>");
    if (d.findings().isEmpty()) {
      b.append("<p class=\"cause\">No cause could be shown from the evidence.</p></section>");
      return;
    }
    Finding top = d.findings().get(0);
    b.append("<p class=\"cause\">").append(Text.html(Labels.cause(top.cause()))).append("</p>");
    confidence(b, top);
    evidence(b, "Evidence", top.evidence(), false);
    evidence(b, "Against", top.against(), false);
    remedies(b, top.remedies());
    b.append("</section>");
  }

  /** {@code pattern}: times are about other breaks, so 0 means this break, not "at the break". */
  private static void finding(StringBuilder b, Finding f, boolean pattern) {
    b.append("<div class=\"finding\"><p class=\"title\">").append(Text.html(Labels.cause(f.cause())))
        .append("</p>");
    confidence(b, f);
    evidence(b, "Evidence", f.evidence(), pattern);
    evidence(b, "Against", f.against(), pattern);
    remedies(b, f.remedies());
    b.append("</div>");
  }

  private static void confidence(StringBuilder b, Finding f) {
    long pct = Math.round(f.confidence() * 100);
    b.append("<p class=\"conf\">confidence ")
        .append(pct).append("% <span class=\"meter\"><span style=\"width:").append(pct)
        .append("%\"></span></span></p>");
  }

  private static void evidence(StringBuilder b, String title, List<EvidenceLine> lines,
      boolean pattern) {
    if (lines.isEmpty()) {
      return;
    }
    b.append("<h3>").append(title).append("</h3><table class=\"ev\">");
    for (EvidenceLine l : lines) {
      String when = pattern ? Text.relPattern(l.atMs(), title.equals("Against")) : Text.rel(l.atMs());
      b.append("<tr><td class=\"t\">").append(Text.html(when)).append("</td><td>")
          .append(Text.html(l.text())).append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void remedies(StringBuilder b, List<String> remedies) {
    if (remedies.isEmpty()) {
      return;
    }
    b.append("<h3>What to do</h3><ol class=\"remedies\">");
    for (String id : remedies) {
      b.append("<li>").append(Text.html(Labels.remedy(id))).append("</li>");
    }
    b.append("</ol>");
  }

  private static void around(StringBuilder b, List<Around> around) {
    if (around.isEmpty()) {
      return;
    }
    b.append("<section><h2>Evidence around the break</h2><table class=\"ev around\">")
        .append("<tr><th>#</th><th>time</th><th>type</th><th>detail</th></tr>");
    int i = 1;
    for (Around a : around) {
      b.append("<tr><td class=\"n\">").append(i++).append("</td><td class=\"t\">")
          .append(Text.html(Text.rel(a.atMs()))).append("</td><td><code>").append(Text.html(a.type()))
          .append("</code></td><td>").append(Text.html(a.detail())).append("</td></tr>");
    }
    b.append("</table></section>");
  }
}
