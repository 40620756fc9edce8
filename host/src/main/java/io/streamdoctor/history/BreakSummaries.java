package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.StreamInfo;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamErrored;
import io.streamdoctor.evidence.StreamEvent;
import io.streamdoctor.evidence.StreamFirstByte;
import io.streamdoctor.evidence.StreamFirstToken;
import io.streamdoctor.evidence.StreamOpened;
import io.streamdoctor.evidence.StreamProgress;
import io.streamdoctor.evidence.StreamStalled;
import io.streamdoctor.history.BreakSummary.Around;
import io.streamdoctor.history.BreakSummary.Ext;
import io.streamdoctor.history.BreakSummary.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Folds a diagnosis and the evidence it was made from into the summary history keeps. */
public final class BreakSummaries {
  /** Evidence this far before and after the break is "around" it (the engine's own horizon). */
  static final long AROUND_BEFORE_MS = 120_000;
  static final long AROUND_AFTER_MS = 30_000;
  static final int MAX_AROUND = 40;
  static final int MAX_PROGRESS_MARKS = 60;

  private BreakSummaries() {}

  public static BreakSummary from(Diagnosis d, List<Evidence> evidence, String networkId) {
    StreamInfo info = StreamInfo.of(d.stream(), evidence);
    long breakTs = d.ts();
    List<String> errorTypes = new ArrayList<>();
    info.errors().forEach(e -> errorTypes.add(Privacy.code(e.errorType())));
    StreamEnded end = info.end();
    StreamStalled stall = info.stall();
    ExtensionInventory inventory = latestInventory(evidence, breakTs);
    List<Ext> enabled = new ArrayList<>();
    if (inventory != null) {
      inventory.extensions().stream()
          .filter(ExtensionInventory.Extension::enabled)
          .sorted(Comparator.comparing(e -> String.valueOf(e.id())))
          .forEach(e -> enabled.add(new Ext(Privacy.code(e.id()), Privacy.name(e.name()))));
    }
    String extHash = inventory == null ? null
        : Privacy.hash12(String.join(",", enabled.stream().map(Ext::id).toList()));
    return new BreakSummary(
        Privacy.id(d.breakId()),
        Privacy.id(d.stream()),
        Privacy.code(d.site() != null ? d.site() : info.site()),
        Privacy.url(d.url() != null ? d.url() : info.url()),
        Privacy.code(info.kind()),
        end == null ? null : Privacy.code(end.outcome()),
        info.closeCode(),
        end == null ? null : end.wasClean(),
        end == null ? null : Privacy.code(end.errorName()),
        info.httpStatus(),
        errorTypes,
        info.payloadBytes(),
        info.frames(),
        info.bytes(),
        duration(info, breakTs),
        info.ttfbMs(),
        info.ttftMs(),
        info.gapP95Ms(),
        end != null && end.gapMaxMs() != null ? end.gapMaxMs()
            : info.lastProgress() == null ? null : info.lastProgress().gapMaxMs(),
        stall == null ? null : stall.silentMs(),
        networkId == null ? null : Privacy.code(networkId),
        extHash,
        enabled,
        marks(d.stream(), evidence, breakTs),
        AroundLines.of(d.stream(), evidence, breakTs, AROUND_BEFORE_MS, AROUND_AFTER_MS, MAX_AROUND));
  }

  /** How long the stream lived: the page's own count, else open → end, else open → break. */
  private static Double duration(StreamInfo info, long breakTs) {
    Double d = info.durationMs();
    if (d != null) {
      return d;
    }
    return info.opened() == null ? null : breakTs - info.opened().ts();
  }

  private static ExtensionInventory latestInventory(List<Evidence> evidence, long breakTs) {
    ExtensionInventory found = null;
    for (Evidence e : evidence) {
      if (e instanceof ExtensionInventory inv && inv.ts() <= breakTs + AROUND_AFTER_MS) {
        found = inv;
      }
    }
    return found;
  }

  static List<Mark> marks(String stream, List<Evidence> evidence, long breakTs) {
    List<Mark> out = new ArrayList<>();
    List<Mark> progress = new ArrayList<>();
    if (stream == null) {
      return out;
    }
    for (Evidence ev : evidence) {
      if (!(ev instanceof StreamEvent se) || !stream.equals(se.stream())) {
        continue;
      }
      long at = Math.round(ev.ts() - breakTs);
      if (ev instanceof StreamOpened o) {
        out.add(new Mark("open", at, 0L, 0L, o.payloadBytes() == null ? null : "request " + o.payloadBytes() + " B"));
      } else if (ev instanceof StreamFirstByte b) {
        out.add(new Mark("first_byte", at, null, null, b.httpStatus() == null ? null : "HTTP " + b.httpStatus()));
      } else if (ev instanceof StreamFirstToken t) {
        out.add(new Mark("first_token", at, null, null, null));
      } else if (ev instanceof StreamProgress p) {
        progress.add(new Mark("progress", at, p.frames(), p.bytes(), null));
      } else if (ev instanceof StreamStalled s) {
        out.add(new Mark("stall", at, null, null, "silent " + Math.round(s.silentMs()) + " ms"));
      } else if (ev instanceof StreamErrored e) {
        out.add(new Mark("error", at, null, null, Privacy.code(e.errorType())
            + (e.httpStatus() == null ? "" : " HTTP " + e.httpStatus())));
      } else if (ev instanceof StreamEnded e) {
        out.add(new Mark("end", at, e.frames(), e.bytes(), endDetail(e)));
      }
    }
    out.addAll(thin(progress, MAX_PROGRESS_MARKS));
    out.sort(Comparator.comparingLong(Mark::atMs));
    return out;
  }

  private static String endDetail(StreamEnded e) {
    StringBuilder b = new StringBuilder(String.valueOf(Privacy.code(e.outcome())));
    if (e.closeCode() != null) {
      b.append(", close ").append(e.closeCode());
    }
    if (e.errorName() != null) {
      b.append(", ").append(Privacy.code(e.errorName()));
    }
    if (e.httpStatus() != null) {
      b.append(", HTTP ").append(e.httpStatus());
    }
    return b.toString();
  }

  /** Keeps at most {@code max} evenly spaced items, always including the last. */
  static <T> List<T> thin(List<T> items, int max) {
    if (items.size() <= max) {
      return items;
    }
    List<T> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      out.add(items.get((int) ((long) i * (items.size() - 1) / (max - 1))));
    }
    return out;
  }
}
