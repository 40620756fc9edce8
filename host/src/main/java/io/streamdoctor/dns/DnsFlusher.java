package io.streamdoctor.dns;

/** Flushes the operating system's DNS caches (one implementation per OS). */
public interface DnsFlusher {
  /** With {@code dryRun} nothing runs: the result lists what would have run. */
  FlushResult flush(boolean dryRun);
}
