package io.streamdoctor.timeline;

import java.util.PriorityQueue;

/** Time advances only when told: replay and tests run scheduled work exactly when it is due. */
public final class VirtualScheduler implements Scheduler {
  private record Task(double at, long order, Runnable run) {}

  private final PriorityQueue<Task> queue =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Double.compare(a.at, b.at) : Long.compare(a.order, b.order));
  private long counter;

  @Override
  public void at(double hostMs, Runnable task) {
    queue.add(new Task(hostMs, counter++, task));
  }

  /** Runs every task due at or before {@code t}, in time order. */
  public void advanceTo(double t) {
    while (!queue.isEmpty() && queue.peek().at <= t) {
      queue.poll().run.run();
    }
  }

  public void drain() {
    while (!queue.isEmpty()) {
      queue.poll().run.run();
    }
  }
}
