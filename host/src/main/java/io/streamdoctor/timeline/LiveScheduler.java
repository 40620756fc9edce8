package io.streamdoctor.timeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A single daemon thread; a small margin lets evidence stamped just before the due time land. */
public final class LiveScheduler implements Scheduler, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LiveScheduler.class.getName());
  private static final long MARGIN_MS = 20;

  private final HostClock clock;
  private final ScheduledExecutorService exec =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "streamdoctor-scheduler");
            t.setDaemon(true);
            return t;
          });

  public LiveScheduler(HostClock clock) {
    this.clock = clock;
  }

  @Override
  public void at(double hostMs, Runnable task) {
    long delay = Math.max(0, Math.round(hostMs - clock.nowMs()) + MARGIN_MS);
    exec.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "scheduled task failed", e);
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  public void every(long periodMs, Runnable task) {
    exec.scheduleAtFixedRate(task, periodMs, periodMs, TimeUnit.MILLISECONDS);
  }

  /** Runs what is already queued (due or not) so no verdict is lost at exit, then stops. */
  @Override
  public void close() {
    exec.shutdown();
    try {
      exec.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
