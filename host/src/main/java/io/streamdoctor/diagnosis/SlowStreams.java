package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.TcpRetransmits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides when a stream that completed was still a break for the user: an answer that came far
 * slower than answers stream ({@code slow_stream}). Token streams send several frames a second
 * (lab notes: ChatGPT/Claude SSE run at tens of events/s), so the criteria are deliberately far
 * from normal and every one needs a long answer ({@link #MIN_ACTIVE_MS} of streaming after the
 * first token) and enough frames to measure:
 * <ol>
 *   <li>a trickle: the stream's own p95 inter-frame gap is at least {@link #TRICKLE_P95_MS};
 *   <li>against this user's normal: with {@link #MIN_BASELINE} earlier clean answers of the same
 *       site, both time per KB and p95 gap at least {@link #FACTOR}× their medians (one long
 *       pause for a tool call raises neither the p95 nor, alone, both);
 *   <li>the OS saw loss: TCP retransmissions ≥ 3% and ≥ 3 segments/s while it streamed
 *       (PacketLossRule's thresholds) and its p95 gap at least {@link #LOSSY_P95_MS}.
 * </ol>
 * Not thread-safe: the {@link BreakDetector} calls it under the pipeline's lock.
 */
public final class SlowStreams {
  static final double MIN_ACTIVE_MS = 15_000;
  static final long MIN_FRAMES = 9;
  static final double TRICKLE_P95_MS = 2_000;
  static final double LOSSY_P95_MS = 500;
  static final double FLOOR_P95_MS = 250;
  static final int MIN_BASELINE = 3;
  static final double FACTOR = 4;
  static final long MIN_BASELINE_BYTES = 1024;
  static final int WINDOW = 20;
  static final int MAX_RETRANSMIT_SAMPLES = 600;

  private record Sample(double msPerKb, double p95) {}

  private final Map<String, Deque<Sample>> bySite = new HashMap<>();
  private final Deque<TcpRetransmits> retransmits = new ArrayDeque<>();

  public void offer(TcpRetransmits r) {
    retransmits.addLast(r);
    if (retransmits.size() > MAX_RETRANSMIT_SAMPLES) {
      retransmits.removeFirst();
    }
  }

  /**
   * Judges a complete stream: a short note (numbers only) when it was slow, else null. A stream
   * that was not slow joins its site's baseline. {@code startedAt}: host time it opened;
   * {@code firstFrameMs}: time from open to its first token or byte (thinking time is no slowness).
   */
  public String judge(String site, StreamEnded e, double startedAt, double firstFrameMs) {
    double duration = e.durationMs() == null ? 0 : e.durationMs();
    double active = Math.max(0, duration - Math.max(0, firstFrameMs));
    double p95 = e.gapP95Ms() == null ? 0 : e.gapP95Ms();
    double msPerKb = e.bytes() <= 0 ? 0 : active / (e.bytes() / 1024.0);
    String note = null;
    if (active >= MIN_ACTIVE_MS && e.frames() >= MIN_FRAMES) {
      note = slowNote(site, e, startedAt, active, p95, msPerKb);
    }
    if (note == null && e.bytes() >= MIN_BASELINE_BYTES && active > 0) {
      Deque<Sample> d = bySite.computeIfAbsent(String.valueOf(site), k -> new ArrayDeque<>());
      d.addLast(new Sample(msPerKb, p95));
      if (d.size() > WINDOW) {
        d.removeFirst();
      }
    }
    return note;
  }

  private String slowNote(String site, StreamEnded e, double startedAt, double active, double p95, double msPerKb) {
    String took = String.format(Locale.ROOT, "%d frames, %.1f KB in %.0f s of streaming", e.frames(),
        e.bytes() / 1024.0, active / 1000);
    if (p95 >= TRICKLE_P95_MS) {
      double mean = e.gapMeanMs() == null ? p95 : e.gapMeanMs();
      return took + String.format(Locale.ROOT, "; frames %.1f s apart on average (p95 gap %.1f s), where"
          + " answers stream several a second", mean / 1000, p95 / 1000);
    }
    Deque<Sample> base = bySite.get(String.valueOf(site));
    if (base != null && base.size() >= MIN_BASELINE && p95 >= FLOOR_P95_MS) {
      double medRate = median(base, true);
      double medP95 = median(base, false);
      if (medRate > 0 && msPerKb >= FACTOR * medRate && p95 >= FACTOR * Math.max(medP95, 1)) {
        return took + String.format(Locale.ROOT, "; %.0f× this site's recent median time per KB"
            + " (%d answers), p95 gap %.0f ms vs %.0f ms", msPerKb / medRate, base.size(), p95, medP95);
      }
    }
    TcpRetransmits worst = worstDuring(startedAt, e.ts());
    if (worst != null && p95 >= LOSSY_P95_MS) {
      return took + String.format(Locale.ROOT, "; p95 gap %.0f ms while TCP retransmissions reached %.1f%%",
          p95, worst.ratio() * 100);
    }
    return null;
  }

  private TcpRetransmits worstDuring(double from, double to) {
    TcpRetransmits worst = null;
    for (TcpRetransmits r : retransmits) {
      if (r.ts() >= from && r.ts() <= to + 2_000 && r.ratio() >= 0.03 && r.retransPerS() >= 3
          && (worst == null || r.ratio() > worst.ratio())) {
        worst = r;
      }
    }
    return worst;
  }

  private static double median(Deque<Sample> d, boolean rate) {
    List<Double> v = new ArrayList<>();
    for (Sample s : d) {
      v.add(rate ? s.msPerKb() : s.p95());
    }
    v.sort(Double::compare);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }
}
