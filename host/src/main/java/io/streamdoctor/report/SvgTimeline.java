package io.streamdoctor.report;

import io.streamdoctor.history.BreakSummary;
import io.streamdoctor.history.BreakSummary.Around;
import io.streamdoctor.history.BreakSummary.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG picture of one stream: its life as a bar, received frames as a rising line, the
 * stall as a hatched stretch, each milestone (open, first byte, first token, stall, error, end)
 * as a labelled tick, the break as a red line, and the evidence around it as numbered dots that
 * match the evidence table. Static markup only: no scripts, no external references.
 */
final class SvgTimeline {
  static final int WIDTH = 900;
  private static final int LEFT = 64;
  private static final int RIGHT = 40;
  private static final int CHART_TOP = 28;
  private static final int CHART_BOTTOM = 96;
  private static final int BAR_Y = 104;
  private static final int BAR_H = 14;
  private static final int LABEL_Y = 140;
  private static final int ROW_H = 14;
  private static final int LABEL_ROWS = 3; // rows that fit between the bar and the lane
  private static final double CHAR_W = 6.6; // the 11 px sans-serif labels, generously
  private static final int LANE_Y0 = 196;
  private static final int HEIGHT0 = 236;

  private final StringBuilder out = new StringBuilder();
  private final double from;
  private final double to;
  private int laneY = LANE_Y0;

  private SvgTimeline(double from, double to) {
    this.from = from;
    this.to = to;
  }

  static String render(BreakSummary s) {
    return forSummary(s).draw(s);
  }

  /** The picture's scale for this stream: its events plus a margin on both sides. */
  static SvgTimeline forSummary(BreakSummary s) {
    double lo = 0;
    double hi = 0;
    for (Mark m : s.marks()) {
      lo = Math.min(lo, m.atMs());
      hi = Math.max(hi, m.atMs());
    }
    for (Around a : s.around()) {
      lo = Math.min(lo, a.atMs());
      hi = Math.max(hi, a.atMs());
    }
    double pad = Math.max(500, (hi - lo) * 0.04);
    return new SvgTimeline(lo - pad, hi + pad);
  }

  double x(double atMs) {
    return LEFT + (atMs - from) / (to - from) * (WIDTH - LEFT - RIGHT);
  }

  private String draw(BreakSummary s) {
    List<Mark> ticks = s.marks().stream().filter(m -> !m.kind().equals("progress")).toList();
    int[] rows = labelRows(ticks);
    int used = 0;
    for (int r : rows) {
      used = Math.max(used, r + 1);
    }
    laneY = LANE_Y0 + Math.max(0, used - LABEL_ROWS) * ROW_H;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT0 + laneY - LANE_Y0).append("\" role=\"img\" aria-label=\"Timeline of the stream\">")
        .append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
            + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fde7c4\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#e8a33d\" stroke-width=\"3\"/></pattern></defs>");
    axis();
    Mark open = first(s, "open");
    Mark end = first(s, "end");
    // Without the open event the stream is drawn from its first known event, not from the edge.
    double start = open != null ? open.atMs() : s.marks().get(0).atMs();
    double stop = end != null ? end.atMs() : 0;
    rect(x(start), BAR_Y, x(stop) - x(start), BAR_H, "#4a7fd4", "stream open");
    Mark stall = first(s, "stall");
    if (stall != null && s.stallSilentMs() != null) {
      double silentFrom = Math.max(start, stall.atMs() - s.stallSilentMs());
      rect(x(silentFrom), BAR_Y, x(Math.max(stall.atMs(), stop)) - x(silentFrom), BAR_H, "url(#hatch)",
          "no frames");
    }
    framesLine(s, start);
    milestones(ticks, rows);
    line(x(0), CHART_TOP - 12, x(0), laneY + 14, "#d0312d", 2, null);
    text(x(0), CHART_TOP - 16, "break", "middle", "#d0312d", true);
    lane(s.around());
    return out.append("</svg>").toString();
  }

  private void axis() {
    double span = to - from;
    double step = niceStep(span / 8);
    line(LEFT, laneY + 22, WIDTH - RIGHT, laneY + 22, "#999", 1, null);
    for (double t = Math.ceil(from / step) * step; t <= to; t += step) {
      line(x(t), laneY + 18, x(t), laneY + 26, "#999", 1, null);
      text(x(t), laneY + 38, seconds(t, step), "middle", "#666", false);
    }
    text(LEFT - 8, BAR_Y + 11, "stream", "end", "#333", false);
    text(LEFT - 8, laneY + 4, "other", "end", "#333", false);
  }

  static double niceStep(double raw) {
    double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (raw <= m * mag) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  private static String seconds(double t, double step) {
    if (Math.abs(t) < step / 2) {
      return "0";
    }
    return String.format(Locale.ROOT, step >= 1000 ? "%+.0f s" : "%+.1f s", t / 1000);
  }

  /** Frames received over time: a rising line that goes flat where the stream went silent. */
  private void framesLine(BreakSummary s, double start) {
    List<double[]> pts = new ArrayList<>();
    pts.add(new double[] {start, 0});
    long max = 0;
    for (Mark m : s.marks()) {
      if (m.frames() != null && m.atMs() >= start) {
        pts.add(new double[] {m.atMs(), m.frames()});
        max = Math.max(max, m.frames());
      }
    }
    if (max == 0) {
      return;
    }
    StringBuilder p = new StringBuilder();
    for (double[] pt : pts) {
      double y = CHART_BOTTOM - pt[1] / max * (CHART_BOTTOM - CHART_TOP);
      p.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(pt[0]), y));
    }
    out.append("<polyline fill=\"none\" stroke=\"#4a7fd4\" stroke-width=\"2\" points=\"")
        .append(p.toString().strip()).append("\"/>");
    text(x(start) + 4, CHART_TOP + 4, max + " frames", "start", "#4a7fd4", false);
  }

  /**
   * A row for each milestone label so that no two labels overlap: the first row whose last label
   * ends (plus a gap) before this one starts, by the label's estimated width; a new row when none
   * has room. Labels are centred on their tick.
   */
  int[] labelRows(List<Mark> ticks) {
    int[] rows = new int[ticks.size()];
    List<Double> rowEnds = new ArrayList<>();
    for (int i = 0; i < ticks.size(); i++) {
      double half = halfWidth(ticks.get(i).kind());
      double cx = x(ticks.get(i).atMs());
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) + 6 > cx - half) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(0.0);
      }
      rowEnds.set(row, cx + half);
      rows[i] = row;
    }
    return rows;
  }

  static double halfWidth(String kind) {
    return label(kind).length() * CHAR_W / 2;
  }

  private void milestones(List<Mark> ticks, int[] rows) {
    for (int i = 0; i < ticks.size(); i++) {
      Mark m = ticks.get(i);
      double mx = x(m.atMs());
      String color = switch (m.kind()) {
        case "error", "end" -> "#d0312d";
        case "stall" -> "#c77c0a";
        default -> "#333";
      };
      line(mx, BAR_Y - 4, mx, LABEL_Y - 10 + rows[i] * ROW_H, color, 1, "3,2");
      text(mx, LABEL_Y + rows[i] * ROW_H, label(m.kind()), "middle", color, false);
    }
  }

  private void lane(List<Around> around) {
    double lastX = -1000;
    int row = 0;
    for (int i = 0; i < around.size(); i++) {
      double ax = x(around.get(i).atMs());
      row = ax - lastX < 16 ? (row + 1) % 3 : 0;
      lastX = ax;
      double cy = laneY - row * 13;
      out.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#6b6b9e\"><title>%s</title></circle>",
          ax, cy, Text.html(around.get(i).type())));
      out.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"9\">%d</text>",
          ax, cy + 3.2, i + 1));
    }
  }

  static String label(String kind) {
    return switch (kind) {
      case "open" -> "open";
      case "first_byte" -> "first byte";
      case "first_token" -> "first token";
      case "stall" -> "stall";
      case "error" -> "error";
      case "end" -> "end";
      default -> kind;
    };
  }

  private static Mark first(BreakSummary s, String kind) {
    return s.marks().stream().filter(m -> m.kind().equals(kind)).findFirst().orElse(null);
  }

  private void rect(double rx, double ry, double w, double h, String fill, String title) {
    out.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\"><title>%s</title></rect>",
        rx, (int) ry, Math.max(w, 2), (int) h, fill, title));
  }

  private void line(double x1, double y1, double x2, double y2, String color, int w, String dash) {
    out.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%d\"%s/>",
        x1, y1, x2, y2, color, w, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
  }

  private void text(double tx, double ty, String s, String anchor, String color, boolean bold) {
    out.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s"
            + " paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">%s</text>", tx, ty, anchor,
        color, bold ? " font-weight=\"bold\"" : "", Text.html(s)));
  }
}
