package io.streamdoctor.probe;

import io.streamdoctor.config.ProbeTarget;
import io.streamdoctor.config.SiteScope;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.HostClock;
import io.streamdoctor.timeline.Pipeline;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a break's immediate verdict, runs the post-mortem probes for the configured site host it
 * broke on ({@link SiteScope}; nothing for any other host) and has the pipeline diagnose the break
 * again with their evidence ({@code stage: "probed"}), within the site's budget ({@link ProbeRuns}).
 * The deadline keeps the updated verdict within the latency target even when every resolver is dead.
 */
public final class AutoPostMortem implements Consumer<Diagnosis> {
  private static final Logger LOG = Logger.getLogger(AutoPostMortem.class.getName());
  public static final long DEADLINE_MS = 2_000;

  private final PostMortem postMortem;
  private final Pipeline pipeline;
  private final Consumer<Evidence> sink;
  private final Recorder recorder;
  private final HostClock clock;
  private final Function<Diagnosis, List<Evidence>> extra;
  private final SiteScope scope;
  private final ProbeRuns runs = new ProbeRuns();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong offSite = new AtomicLong();

  /**
   * {@code scope}: which breaks may be probed, and where; {@code extra}: more evidence for the
   * probed verdict, e.g. the history patterns of the break.
   */
  public AutoPostMortem(PostMortem postMortem, SiteScope scope, Pipeline pipeline, Consumer<Evidence> sink,
      Recorder recorder, HostClock clock, Function<Diagnosis, List<Evidence>> extra) {
    this.scope = scope;
    this.extra = extra;
    this.postMortem = postMortem;
    this.pipeline = pipeline;
    this.sink = sink;
    this.recorder = recorder;
    this.clock = clock;
  }

  @Override
  public void accept(Diagnosis d) {
    if (d == null) {
      return;
    }
    // Only a configured site's own hosts, on its configured port: a stream the page opened to any
    // other address keeps its browser-side verdict, and the host sends nothing for it.
    Optional<ProbeTarget> target = scope.forBreak(d.site(), d.url());
    if (target.isEmpty()) {
      offSite.incrementAndGet();
      return;
    }
    ProbeRuns.Admission admission;
    try {
      admission = runs.admit(target.get(), clock.nowMs(), () -> postMortem.run(target.get(), Deadline.in(DEADLINE_MS))
          .exceptionally(error -> {
            LOG.log(Level.WARNING, "post-mortem for " + d.breakId() + " failed", error);
            return List.of();
          })
          .thenApply(evidence -> {
            evidence.forEach(sink); // once per run, before any break sharing it is diagnosed again
            return evidence;
          }));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.info("session over: no post-mortem for " + d.breakId());
      return;
    }
    if (admission.outcome() == ProbeRuns.Outcome.SHED) {
      return;
    }
    inFlight.incrementAndGet();
    admission.run().whenComplete((evidence, error) -> {
      try {
        for (Evidence e : extra.apply(d)) {
          sink.accept(e);
        }
        double at = clock.nowMs();
        recorder.probed(at, d.breakId());
        pipeline.rediagnose(d.breakId(), at, "probed");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "probed verdict for " + d.breakId() + " failed", e);
      } finally {
        synchronized (inFlight) {
          inFlight.decrementAndGet();
          inFlight.notifyAll();
        }
      }
    });
  }

  /** Breaks the host did not probe because their stream went elsewhere than a configured site host. */
  public long offSite() {
    return offSite.get();
  }

  /** Breaks that kept their evidence-only verdict because their site's probe budget was spent. */
  public long shed() {
    return runs.shed();
  }

  /**
   * At the end of a session: lets the probed verdicts of the last breaks finish (and be saved)
   * before the probe pool and the history close, bounded so the host still exits promptly.
   */
  public void awaitIdle(long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    synchronized (inFlight) {
      while (inFlight.get() > 0) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          LOG.info(inFlight.get() + " post-mortem(s) still running at exit");
          return;
        }
        try {
          inFlight.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
