package io.streamdoctor.report;

import io.streamdoctor.Version;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.history.HistoryRecord;
import java.util.List;
import java.util.Locale;

/**
 * One break's report: the stored break and the cross-break patterns as of it. Everything in it
 * comes from history, which holds only what the privacy rule allows.
 */
public record Report(HistoryRecord record, List<Finding> patterns, long generatedAt) {
  public Report {
    patterns = List.copyOf(patterns);
  }

  /** Report formats; html is for files (CLI), the protocol offers md and json. */
  public enum Format {
    MD, JSON, HTML;

    public static Format parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("unknown report format '" + s + "' (md, json, html)");
      }
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public String render(Format format) {
    return switch (format) {
      case MD -> MarkdownReport.render(this);
      case JSON -> JsonReport.render(this);
      case HTML -> HtmlReport.render(this);
    };
  }

  static String generator() {
    return "StreamDoctor " + Version.get();
  }

  static final String PRIVACY_NOTE =
      "This report holds ids, sizes, counts, timings, error codes and URLs without their query"
          + " strings. It never holds prompt or answer text. Blocks by browser-built-in shields"
          + " (e.g. Brave Shields) are invisible to StreamDoctor.";
}
