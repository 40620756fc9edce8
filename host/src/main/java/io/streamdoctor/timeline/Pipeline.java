package io.streamdoctor.timeline;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.BreakDetector;
import io.streamdoctor.diagnosis.BreakTrigger;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.evidence.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evidence in, verdicts out: stores each piece on the timeline, lets the detector spot breaks and
 * diagnoses each break {@link #SETTLE_MS} after it, with exactly the evidence received by then.
 * Live and replay run this same code; only the scheduler differs.
 */
public final class Pipeline {
  /**
   * The page hook and webRequest reach the worker by different paths; the browser's error for a
   * stream often arrives a few ms after the hook's end event. This wait lets it land.
   */
  public static final double SETTLE_MS = 250;

  private static final int MAX_VERDICTS = 256;

  private final Timeline timeline;
  private final BreakDetector detector = new BreakDetector();
  private final Engine engine;
  private final Scheduler scheduler;
  private final Consumer<Diagnosis> sink;
  private final Map<String, Diagnosis> verdicts = bounded();
  private final Map<String, BreakTrigger> triggers = bounded();
  private volatile Consumer<Diagnosis> followUp = d -> {};
  private volatile Consumer<String> withdrawn = id -> {};
  private volatile BreakGate gate;
  private volatile java.util.concurrent.Executor bulk;
  private volatile Consumer<String> shed = id -> {};

  public Pipeline(Timeline timeline, Engine engine, Scheduler scheduler, Consumer<Diagnosis> sink) {
    this.timeline = timeline;
    this.engine = engine;
    this.scheduler = scheduler;
    this.sink = sink;
  }

  /**
   * Called once per break, right after its first verdict went out: the host starts its
   * post-mortem probes here and later calls {@link #rediagnose}.
   */
  public void onNewBreak(Consumer<Diagnosis> followUp) {
    this.followUp = followUp;
  }

  /**
   * Hears the id of a break taken back before its first verdict (the browser aborted the request:
   * the user left the page). The host releases the ack it held for it.
   */
  public void onWithdrawn(Consumer<String> withdrawn) {
    this.withdrawn = withdrawn;
  }

  /**
   * Live host only: rations first diagnoses per tab ({@link BreakGate}); a tab's surplus runs on
   * {@code bulk} (bounded: a rejected break is shed and {@code shed} hears its id, to release its
   * ack). Without it (replay, tests) every break is diagnosed on the scheduler, in order.
   */
  public void ration(BreakGate gate, java.util.concurrent.Executor bulk, Consumer<String> shed) {
    this.bulk = bulk;
    this.shed = shed;
    this.gate = gate;
  }

  /** Synchronized: the OS monitors ingest from their own thread while the session reads frames. */
  public synchronized void ingest(double receivedAt, Evidence evidence) {
    ingest(receivedAt, evidence, breakId -> {});
  }

  /**
   * As {@link #ingest(double, Evidence)}; {@code onBreak} hears the id of a break this evidence
   * triggers before its analysis is scheduled, so the ack can wait for the verdict to be saved.
   */
  public synchronized void ingest(double receivedAt, Evidence evidence, Consumer<String> onBreak) {
    timeline.add(receivedAt, evidence);
    detector.offer(evidence).ifPresent(t -> {
      onBreak.accept(t.breakId());
      BreakGate g = gate;
      if (g == null || g.lane(t, receivedAt) == BreakGate.Lane.NOW) {
        scheduler.at(receivedAt + SETTLE_MS, () -> analyze(t, receivedAt + SETTLE_MS));
      } else {
        scheduler.at(receivedAt + SETTLE_MS, () -> toBulk(g, t, receivedAt + SETTLE_MS));
      }
    });
  }

  private void toBulk(BreakGate g, BreakTrigger t, double upTo) {
    try {
      bulk.execute(() -> analyze(t, upTo));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      g.shed(t.breakId());
      shed.accept(t.breakId()); // no verdict will come: release the event's ack
    }
  }

  private void analyze(BreakTrigger trigger, double upTo) {
    Diagnosis prior;
    synchronized (verdicts) {
      prior = verdicts.get(trigger.breakId());
    }
    if (prior == null && withdraw(trigger)) {
      withdrawn.accept(trigger.breakId());
      return;
    }
    synchronized (verdicts) {
      triggers.put(trigger.breakId(), trigger);
    }
    // A break refreshed after its probes keeps its stage: the probe evidence is on the timeline.
    String stage = prior != null && "probed".equals(prior.stage()) ? "probed" : "evidence";
    publish(trigger, upTo, stage);
    if (prior == null) {
      followUp.accept(verdicts.get(trigger.breakId()));
    }
  }

  /**
   * Diagnoses a known break again with everything received up to {@code upTo} (the post-mortem
   * probes' evidence included). Returns false for a break this pipeline no longer knows.
   */
  public boolean rediagnose(String breakId, double upTo, String stage) {
    BreakTrigger trigger;
    synchronized (verdicts) {
      trigger = triggers.get(breakId);
    }
    if (trigger == null) {
      return false;
    }
    publish(trigger, upTo, stage);
    return true;
  }

  private synchronized boolean withdraw(BreakTrigger trigger) {
    return detector.withdraw(trigger);
  }

  private void publish(BreakTrigger trigger, double upTo, String stage) {
    List<Evidence> known = new ArrayList<>();
    for (Timeline.Entry e : timeline.until(upTo)) {
      known.add(e.evidence());
    }
    Diagnosis d = engine.diagnose(new BreakContext(trigger, known), stage);
    synchronized (verdicts) {
      verdicts.put(d.breakId(), d);
    }
    sink.accept(d);
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_VERDICTS;
      }
    };
  }

  /** The newest verdict for a stream, or the newest of all when {@code stream} is null. */
  public Diagnosis latest(String stream) {
    synchronized (verdicts) {
      Diagnosis found = null;
      for (Diagnosis d : verdicts.values()) {
        if (stream == null || stream.equals(d.stream())) {
          found = d;
        }
      }
      return found;
    }
  }

  /** Every break's newest verdict, in order of the break's first diagnosis. */
  public List<Diagnosis> verdicts() {
    synchronized (verdicts) {
      return new ArrayList<>(verdicts.values());
    }
  }

  public Timeline timeline() {
    return timeline;
  }
}
