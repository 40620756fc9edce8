package io.streamdoctor.probe;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.HostClock;
import io.streamdoctor.timeline.Pipeline;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a break's immediate verdict, runs the post-mortem probes for the URL it broke on and has
 * the pipeline diagnose the break again with their evidence ({@code stage: "probed"}). The
 * deadline keeps the updated verdict within the latency target even when every resolver is dead.
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
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

  /** {@code extra}: more evidence for the probed verdict, e.g. the history patterns of the break. */
  public AutoPostMortem(PostMortem postMortem, Pipeline pipeline, Consumer<Evidence> sink, Recorder recorder,
      HostClock clock, Function<Diagnosis, List<Evidence>> extra) {
    this.extra = extra;
    this.postMortem = postMortem;
    this.pipeline = pipeline;
    this.sink = sink;
    this.recorder = recorder;
    this.clock = clock;
  }

  @Override
  public void accept(Diagnosis d) {
    if (d == null || (d.url() == null && d.site() == null)) {
      return;
    }
    inFlight.incrementAndGet();
    java.util.concurrent.CompletableFuture<List<Evidence>> run;
    try {
      run = postMortem.runForUrl(d.site(), d.url(), Deadline.in(DEADLINE_MS));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      inFlight.decrementAndGet();
      LOG.info("session over: no post-mortem for " + d.breakId());
      return;
    }
    run.whenComplete((evidence, error) -> {
      try {
        if (error != null) {
          LOG.log(Level.WARNING, "post-mortem for " + d.breakId() + " failed", error);
        }
        for (Evidence e : evidence == null ? List.<Evidence>of() : evidence) {
          sink.accept(e);
        }
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
