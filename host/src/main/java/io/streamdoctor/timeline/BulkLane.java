package io.streamdoctor.timeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the breaks beyond their tab's budget are diagnosed ({@link BreakGate}): one thread, at most
 * {@link #PER_MINUTE} diagnoses a minute and {@link BreakGate#BULK_QUEUE} waiting; the executor
 * rejects the rest (the pipeline sheds them). Paced, because on a busy two-core machine a script's
 * breaks diagnosed flat out take the CPU that another tab's genuine break needs right now.
 */
public final class BulkLane implements Executor, AutoCloseable {
  public static final int PER_MINUTE = 120;
  private static final long PACE_MS = 60_000 / PER_MINUTE;

  private final ThreadPoolExecutor exec = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(BreakGate.BULK_QUEUE), r -> {
        Thread t = new Thread(r, "streamdoctor-bulk");
        t.setDaemon(true);
        return t;
      });

  @Override
  public void execute(Runnable task) {
    exec.execute(() -> {
      task.run();
      try {
        Thread.sleep(PACE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Override
  public void close() {
    exec.shutdownNow();
  }
}
