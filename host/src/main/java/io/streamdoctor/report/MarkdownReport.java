package io.streamdoctor.report;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.diagnosis.RuleResult.RuledOut;
import io.streamdoctor.history.BreakSummary;
import io.streamdoctor.history.BreakSummary.Around;
import io.streamdoctor.history.BreakSummary.Mark;
import java.util.List;

/** The report as Markdown: pastes into an issue tracker or a support chat as is. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Report r) {
    Diagnosis d = r.record().diagnosis();
    BreakSummary s = r.record().summary();
    StringBuilder b = new StringBuilder();
    b.append("# StreamDoctor report: break ").append(Text.md(d.breakId())).append("\n\n");
    b.append("- When: ").append(Text.utc(d.ts())).append('\n');
    b.append("- Site: ").append(Text.md(d.site())).append(s.url() == null ? "" : " — " + Text.code(s.url())).append('\n');
    b.append("- What the page showed: ").append(Text.md(Labels.symptom(d.symptom()))).append(" (")
        .append(Text.code(d.symptom())).append(")\n");
    b.append("- Diagnosis stage: ").append(Text.md(r.record().stage())).append("\n\n");
    b.append("## Verdict\n\n");
    if (d.findings().isEmpty()) {
      b.append("No cause could be shown from the evidence.\n\n");
    } else {
      finding(b, d.findings().get(0), true, false);
    }
    if (d.findings().size() > 1) {
      b.append("## Other possible causes\n\n");
      d.findings().subList(1, d.findings().size()).forEach(f -> finding(b, f, false, false));
    }
    if (!d.ruledOut().isEmpty()) {
      b.append("## Ruled out\n\n");
      for (RuledOut o : d.ruledOut()) {
        b.append("- ").append(Text.md(Labels.cause(o.cause()))).append(" (").append(Text.code(o.cause())).append("): ")
            .append(Text.md(o.why())).append('\n');
      }
      b.append('\n');
    }
    if (!r.patterns().isEmpty()) {
      b.append("## Patterns across breaks\n\n");
      r.patterns().forEach(f -> finding(b, f, false, true));
    }
    stream(b, s);
    b.append("---\n").append(Report.generator()).append(", ").append(Text.utc(r.generatedAt()))
        .append(". ").append(Report.PRIVACY_NOTE).append('\n');
    return b.toString();
  }

  private static void finding(StringBuilder b, Finding f, boolean verdict, boolean pattern) {
    b.append(verdict ? "**" : "### ").append(Text.md(Labels.cause(f.cause()))).append(verdict ? "**" : "")
        .append(" (").append(Text.code(f.cause())).append(", confidence ").append(Text.percent(f.confidence()))
        .append(")\n\n");
    lines(b, "Evidence", f.evidence(), pattern);
    lines(b, "Against", f.against(), pattern);
    if (!f.remedies().isEmpty()) {
      b.append("What to do:\n\n");
      for (int i = 0; i < f.remedies().size(); i++) {
        b.append(i + 1).append(". ").append(Text.md(Labels.remedy(f.remedies().get(i)))).append('\n');
      }
      b.append('\n');
    }
  }

  private static void lines(StringBuilder b, String title, List<EvidenceLine> lines, boolean pattern) {
    if (lines.isEmpty()) {
      return;
    }
    b.append(title).append(":\n\n| time | |\n|---:|---|\n");
    for (EvidenceLine l : lines) {
      String when = pattern ? Text.relPattern(l.atMs(), title.equals("Against")) : Text.rel(l.atMs());
      b.append("| ").append(when).append(" | ").append(Text.md(l.text())).append(" |\n");
    }
    b.append('\n');
  }

  private static void stream(StringBuilder b, BreakSummary s) {
    b.append("## The stream\n\n");
    if (s.marks().isEmpty()) {
      b.append("No events of this stream reached StreamDoctor before the break.\n\n");
      return;
    }
    b.append("| | |\n|---|---|\n");
    row(b, "kind", s.kind());
    row(b, "outcome", s.outcome());
    row(b, "close code", s.closeCode() == null ? null : String.valueOf(s.closeCode()));
    row(b, "error", s.errorName());
    row(b, "HTTP status", s.httpStatus() == null ? null : String.valueOf(s.httpStatus()));
    row(b, "in-stream errors", s.errorTypes().isEmpty() ? null : String.join(", ", s.errorTypes()));
    row(b, "request size", Text.bytes(s.payloadBytes()));
    row(b, "received", s.frames() + " frames, " + Text.bytes(s.bytes()));
    row(b, "lived", Text.ms(s.durationMs()));
    row(b, "first byte / first token", Text.ms(s.ttfbMs()) + " / " + Text.ms(s.ttftMs()));
    row(b, "gap p95 / longest", Text.ms(s.gapP95Ms()) + " / " + Text.ms(s.gapMaxMs()));
    row(b, "network", s.networkId() == null ? null : "#" + s.networkId());
    row(b, "extensions enabled", s.extensions().isEmpty() ? null
        : String.join(", ", s.extensions().stream().map(BreakSummary.Ext::name).toList()));
    b.append('\n');
    if (!s.marks().isEmpty()) {
      b.append("### Timeline of the stream\n\n| time | event | detail |\n|---:|---|---|\n");
      for (Mark m : s.marks()) {
        String detail = m.detail() != null ? m.detail()
            : m.frames() != null ? m.frames() + " frames, " + Text.bytes(m.bytes() == null ? 0 : m.bytes()) : "";
        b.append("| ").append(Text.rel(m.atMs())).append(" | ").append(Text.md(SvgTimeline.label(m.kind())))
            .append(" | ").append(Text.md(detail)).append(" |\n");
      }
      b.append('\n');
    }
    if (!s.around().isEmpty()) {
      b.append("### Evidence around the break\n\n| # | time | type | detail |\n|---:|---:|---|---|\n");
      int i = 1;
      for (Around a : s.around()) {
        b.append("| ").append(i++).append(" | ").append(Text.rel(a.atMs())).append(" | ").append(Text.code(a.type()))
            .append(" | ").append(Text.md(a.detail())).append(" |\n");
      }
      b.append('\n');
    }
  }

  private static void row(StringBuilder b, String k, String v) {
    if (v != null) {
      b.append("| ").append(k).append(" | ").append(Text.md(v)).append(" |\n");
    }
  }
}
