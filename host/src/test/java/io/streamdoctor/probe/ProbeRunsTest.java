package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.streamdoctor.config.ProbeTarget;
import io.streamdoctor.config.Site;
import io.streamdoctor.evidence.Evidence;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProbeRunsTest {
  private static final Site CHAT = new Site("chatgpt", List.of("chatgpt.com"), null, null);
  private static final ProbeTarget T = new ProbeTarget(CHAT, "chatgpt.com", 443, true);
  private final AtomicInteger started = new AtomicInteger();

  private CompletableFuture<List<Evidence>> start() {
    started.incrementAndGet();
    return new CompletableFuture<>();
  }

  @Test
  void admit_sameTargetWithinWindow_sharesOneRun() {
    ProbeRuns runs = new ProbeRuns();
    ProbeRuns.Admission a = runs.admit(T, 1000, this::start);
    ProbeRuns.Admission b = runs.admit(T, 1000 + ProbeRuns.SHARE_MS - 1, this::start);
    assertEquals(ProbeRuns.Outcome.STARTED, a.outcome());
    assertEquals(ProbeRuns.Outcome.SHARED, b.outcome());
    assertSame(a.run(), b.run());
    assertEquals(ProbeRuns.Outcome.STARTED, runs.admit(T, 1000 + ProbeRuns.SHARE_MS, this::start).outcome());
    assertEquals(2, started.get());
  }

  @Test
  void admit_flood_shedsBeyondTheBudgetThenRefills() {
    ProbeRuns runs = new ProbeRuns();
    int admitted = 0;
    for (int i = 0; i < 3000; i++) {
      if (runs.admit(T, 5000 + i, this::start).outcome() != ProbeRuns.Outcome.SHED) {
        admitted++;
      }
    }
    // 3,000 breaks in 3 s: the burst plus what 2.999 s refill (60 a minute → 2 whole tokens).
    int budget = ProbeRuns.BURST + (int) (2999 * ProbeRuns.FOLLOW_UPS_PER_MINUTE / 60_000.0);
    assertEquals(budget, admitted, "a 3 s flood gets the burst allowance and its refill only");
    assertEquals(3000 - budget, runs.shed());
    assertEquals(1, started.get(), "and one probe run, shared");
    // A minute later the site has its budget back.
    assertEquals(ProbeRuns.Outcome.STARTED, runs.admit(T, 70_000, this::start).outcome());
  }

  @Test
  void admit_otherSiteKeepsItsOwnBudget() {
    ProbeRuns runs = new ProbeRuns();
    for (int i = 0; i < 500; i++) {
      runs.admit(T, i, this::start);
    }
    Site claude = new Site("claude", List.of("claude.ai"), null, null);
    assertEquals(ProbeRuns.Outcome.STARTED, runs.admit(new ProbeTarget(claude, "claude.ai", 443, true), 600, this::start).outcome());
  }
}
