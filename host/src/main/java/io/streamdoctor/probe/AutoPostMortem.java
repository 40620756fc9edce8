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
    postMortem.runForUrl(d.site(), d.url(), Deadline.in(DEADLINE_MS)).whenComplete((evidence, error) -> {
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
      }
    });
  }
}
