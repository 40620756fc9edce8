package io.streamdoctor.timeline;

/** Runs a task at a host time; live it is a real timer, in replay a virtual one. */
public interface Scheduler {
  void at(double hostMs, Runnable task);
}
