package io.streamdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.HookReplaced;
import io.streamdoctor.evidence.PageBanner;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamFirstToken;
import io.streamdoctor.evidence.StreamOpened;
import io.streamdoctor.evidence.StreamStalled;
import io.streamdoctor.evidence.TcpRetransmits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Breaks the user experiences besides a stream's own bad end (docs/diagnosis.md "When is it a break?"). */
class UserSeenBreaksTest {
  private final BreakDetector detector = new BreakDetector();
  private final List<Evidence> timeline = new ArrayList<>();
  private final List<BreakTrigger> triggers = new ArrayList<>();

  private Optional<BreakTrigger> feed(Evidence e) {
    timeline.add(e);
    Optional<BreakTrigger> t = detector.offer(e);
    t.ifPresent(triggers::add);
    return t;
  }

  private static StreamOpened open(double ts, String stream, String site) {
    return new StreamOpened(ts, stream, site, "https://chatgpt.com/backend-api/conversation", "sse",
        Integer.parseInt(stream.split(":")[0]), 100L);
  }

  private static StreamEnded end(double ts, String stream, String outcome, long frames, long bytes, double durationMs,
      double p95, double max) {
    return new StreamEnded(ts, stream, outcome, frames, bytes, durationMs, true, null, null, null, 200,
        p95 / 2, p95, max, 5.0);
  }

  private static PageBanner banner(double ts, int tab) {
    return new PageBanner(ts, "chatgpt", tab, "message_stream_error", "error_in_message_stream");
  }

  private Diagnosis diagnose(BreakTrigger t) {
    return Engine.standard().diagnose(new BreakContext(t, timeline), "evidence");
  }

  @Test
  void bannerOverACompleteStream_isABreakOfThatStream_namedFromTheBanner() {
    feed(new ExtensionInventory(-60_000, List.of(new ExtensionInventory.Extension(
        "x1", "Chat Helper", true, false, true))));
    feed(open(0, "7:a.1", "chatgpt"));
    feed(new HookReplaced(500, "chatgpt", 7, "fetch", "after"));
    assertTrue(feed(end(4_000, "7:a.1", "complete", 120, 12_000, 4_000, 40, 90)).isEmpty(), "a clean end is no break");
    BreakTrigger t = feed(banner(4_300, 7)).orElseThrow();
    assertEquals(TriggerKind.BANNER, t.kind());
    assertEquals("7:a.1", t.stream());
    Diagnosis d = diagnose(t);
    assertEquals("message_stream_error", d.symptom());
    assertEquals("extension.interference", d.topCause(), d.findings().toString());
    assertEquals("chatgpt", d.site());
  }

  @Test
  void bannerOverACompleteStream_pageWrappedItsOwnFetch_noExtensionBlamed() {
    feed(open(0, "7:a.1", "chatgpt"));
    feed(new HookReplaced(500, "chatgpt", 7, "fetch", "after"));
    feed(end(4_000, "7:a.1", "complete", 120, 12_000, 4_000, 40, 90));
    Diagnosis d = diagnose(feed(banner(4_300, 7)).orElseThrow());
    assertEquals("stream.dropped_unexplained", d.topCause(), "no extension can reach the site");
  }

  @Test
  void bannerWithNothingElse_fallsBackToUnexplained_notSilence() {
    feed(open(0, "7:a.1", "chatgpt"));
    feed(end(4_000, "7:a.1", "complete", 120, 12_000, 4_000, 40, 90));
    Diagnosis d = diagnose(feed(banner(4_300, 7)).orElseThrow());
    assertEquals("stream.dropped_unexplained", d.topCause());
  }

  @Test
  void bannerAfterOrBeforeAStreamBreak_refreshesThatBreak_neverASecondOne() {
    feed(open(0, "7:a.1", "chatgpt"));
    BreakTrigger endFirst = feed(end(3_000, "7:a.1", "error", 10, 900, 3_000, 40, 90)).orElseThrow();
    BreakTrigger again = feed(banner(3_300, 7)).orElseThrow();
    assertEquals(endFirst.breakId(), again.breakId());
    assertEquals(TriggerKind.END, again.kind());
    BreakTrigger later = feed(banner(40_000, 7)).orElseThrow();
    assertEquals(endFirst.breakId(), later.breakId(), "the same answer's banner re-rendered");
    BreakTrigger muchLater = feed(banner(300_000, 7)).orElseThrow();
    assertEquals("b-300000-banner-7", muchLater.breakId(), "minutes later it is news, not the old break");

    feed(open(350_000, "7:a.2", "chatgpt"));
    BreakTrigger bannerFirst = feed(banner(352_000, 7)).orElseThrow();
    assertEquals(TriggerKind.BANNER, bannerFirst.kind());
    BreakTrigger endAfter = feed(end(352_100, "7:a.2", "error", 10, 900, 2_100, 40, 90)).orElseThrow();
    assertEquals(bannerFirst.breakId(), endAfter.breakId());
    assertEquals(TriggerKind.END, endAfter.kind());
    assertEquals(3, triggers.stream().map(BreakTrigger::breakId).distinct().count());
  }

  @Test
  void bannerLongAfterTheLastStream_isABreakOfThePage_onceAMinute() {
    feed(open(0, "7:a.1", "chatgpt"));
    feed(end(4_000, "7:a.1", "complete", 120, 12_000, 4_000, 40, 90));
    BreakTrigger t = feed(banner(60_000, 7)).orElseThrow();
    assertNull(t.stream());
    assertEquals("b-60000-banner-7", t.breakId());
    assertEquals("message_stream_error", diagnose(t).symptom());
    BreakTrigger page = feed(banner(1_000, 9)).orElseThrow();
    assertEquals("b-1000-banner-9", page.breakId());
    assertEquals(page.breakId(), feed(banner(30_000, 9)).orElseThrow().breakId());
  }

  @Test
  void streamStuckConnecting_isANetworkErrorBreak_blamingTheConnection() {
    feed(open(15_000, "7:a.1", "chatgpt"));
    BreakTrigger t = feed(new StreamStalled(15_000, "7:a.1", 15_000, 15_000.0, StreamStalled.CONNECTING)).orElseThrow();
    assertEquals(TriggerKind.CONNECTING, t.kind());
    assertEquals(0, t.at(), 1e-9);
    Diagnosis d = diagnose(t);
    assertEquals("network_error", d.symptom());
    assertEquals("network.blocked", d.topCause(), d.findings().toString());
  }

  @Test
  void tricklingCompleteAnswer_isASlowStreamBreak() {
    feed(open(0, "7:a.1", "chatgpt"));
    feed(new StreamFirstToken(900, "7:a.1", 900.0));
    BreakTrigger t = feed(end(40_000, "7:a.1", "complete", 16, 2_400, 40_000, 2_600, 3_000)).orElseThrow();
    assertEquals(TriggerKind.SLOW, t.kind());
    assertNotNull(t.note());
    Diagnosis d = diagnose(t);
    assertEquals("slow_stream", d.symptom());
    assertEquals("network.throttled", d.topCause(), d.findings().toString());
  }

  @Test
  void answerFarSlowerThanThisSitesNormal_isASlowStreamBreak() {
    for (int i = 0; i < 3; i++) {
      double at = i * 10_000;
      feed(open(at, "7:a." + i, "chatgpt"));
      assertTrue(feed(end(at + 4_000, "7:a." + i, "complete", 200, 20_000, 4_000, 40, 120)).isEmpty());
    }
    feed(open(50_000, "7:b.1", "chatgpt"));
    BreakTrigger t = feed(end(90_000, "7:b.1", "complete", 200, 20_000, 40_000, 600, 1_500)).orElseThrow();
    assertEquals(TriggerKind.SLOW, t.kind());
    assertTrue(t.note().contains("median"), t.note());
  }

  @Test
  void slowAnswerWhileTheOsRetransmits_isASlowStreamBlamedOnLoss() {
    feed(open(0, "7:a.1", "chatgpt"));
    for (int s = 1; s <= 30; s++) {
      feed(new TcpRetransmits(s * 1_000, 200, s == 12 ? 16 : 0.5, s == 12 ? 0.08 : 0.0025));
    }
    BreakTrigger t = feed(end(30_000, "7:a.1", "complete", 300, 30_000, 30_000, 700, 2_500)).orElseThrow();
    assertEquals(TriggerKind.SLOW, t.kind());
    assertEquals("network.packet_loss", diagnose(t).topCause());
  }

  /** The false-break guard: answers that are long, paused or sparse but normal stay clean. */
  @Test
  void normalAnswers_evenLongPausedOrSparse_areNoBreak() {
    double at = 0;
    int n = 0;
    // a long fast answer; a 12 s tool-call pause in a fast answer; a short sparse answer;
    // a reasoning model thinking 50 s before a fast answer; a long answer at half the usual rate
    double[][] shapes = {
        {120_000, 3_000, 300_000, 0, 45, 300},
        {30_000, 400, 40_000, 0, 40, 12_000},
        {8_000, 5, 600, 0, 1_900, 2_000},
        {56_000, 200, 20_000, 50_000, 40, 110},
        {40_000, 500, 25_000, 0, 90, 400},
    };
    for (int round = 0; round < 3; round++) {
      for (double[] s : shapes) {
        String id = "7:n." + n++;
        feed(open(at, id, "chatgpt"));
        if (s[3] > 0) {
          feed(new StreamFirstToken(at + s[3], id, s[3]));
        }
        Optional<BreakTrigger> t = feed(end(at + s[0], id, "complete", (long) s[1], (long) s[2], s[0], s[4], s[5]));
        assertTrue(t.isEmpty(), "no break for " + java.util.Arrays.toString(s) + ": " + t);
        at += s[0] + 1_000;
      }
    }
    assertEquals(0, triggers.size());
  }
}
