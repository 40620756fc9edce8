package io.streamdoctor.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting shared by the report renderers. */
final class Text {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Text() {}

  static String utc(long epochMs) {
    return UTC.format(Instant.ofEpochMilli(epochMs));
  }

  /** Time relative to the break: "−1.25 s", "+0.40 s", "at the break"; days and hours for history. */
  static String rel(long ms) {
    if (ms == 0) {
      return "at the break";
    }
    String sign = ms < 0 ? "\u2212" : "+";
    long a = Math.abs(ms);
    if (a >= 86_400_000L * 2) {
      return sign + (a / 86_400_000L) + " days";
    }
    if (a >= 3_600_000L * 2) {
      return sign + (a / 3_600_000L) + " h";
    }
    if (a >= 120_000) {
      return sign + (a / 60_000) + " min";
    }
    if (a < 1000) {
      return sign + a + " ms";
    }
    return sign + String.format(Locale.ROOT, "%.2f s", a / 1000.0);
  }

  /** For pattern lines: 0 is this break itself; a caveat (against) at 0 has no time at all. */
  static String relPattern(long ms, boolean against) {
    if (ms == 0) {
      return against ? "" : "this break";
    }
    return rel(ms);
  }

  static String percent(double confidence) {
    return Math.round(confidence * 100) + "%";
  }

  static String ms(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%,.0f ms", v);
  }

  static String bytes(long b) {
    if (b >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", b / 1048576.0);
    }
    return b >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", b / 1024.0) : b + " B";
  }

  static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Text in Markdown (table cells, list items). Every character CommonMark or GitHub gives a
   * meaning inline is backslash-escaped (CommonMark 0.31 §2.4: any ASCII punctuation may be), so
   * an extension's name or a rule's text can make no link, image, raw HTML, emphasis, code span or
   * table cell; "://" and "www." are broken up so no bare URL becomes a GitHub autolink either.
   * Line breaks become spaces (a new line could start a heading or a list).
   */
  static String md(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        b.append(' ');
      } else if (MD_SPECIAL.indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else if (c == ':' && s.startsWith("//", i + 1)) {
        b.append("\\:");
      } else if ((c == '.') && i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3)) {
        b.append("\\.");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static final String MD_SPECIAL = "\\`*_[]()<>!|~&#{}";

  /**
   * A Markdown code span: backticks cannot be escaped inside one, so they, line breaks and pipes
   * (which GitHub tables split on even in code) are replaced.
   */
  static String code(String s) {
    return "`" + (s == null ? "" : s.replace('`', '\'').replace('\n', ' ').replace('\r', ' ').replace("|", "\\|")) + "`";
  }
}
