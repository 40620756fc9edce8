package io.streamdoctor.record;

import io.streamdoctor.evidence.Evidence;

/**
 * Records a host session as JSON Lines: every event from the extension (as bound, before clock
 * mapping) and every piece of evidence the host gathered itself, each with the host time it
 * arrived. Events are recorded as their bound records, never as the raw message: a field the
 * protocol does not define (a page's {@code prompt}, say) has no record component to land in.
 */
public interface Recorder extends AutoCloseable {
  /** An event from the extension, as bound (its {@code ts} still on the extension's clock). */
  void message(double receivedAt, Evidence event);

  void evidence(double receivedAt, Evidence evidence);

  /** The moment a break was diagnosed again after its post-mortem probes (replayed as such). */
  void probed(double at, String breakId);

  /** Makes everything recorded so far durable; called before events are acknowledged. */
  void flush();

  @Override
  void close();

  Recorder NONE =
      new Recorder() {
        @Override
        public void message(double receivedAt, Evidence event) {}

        @Override
        public void evidence(double receivedAt, Evidence evidence) {}

        @Override
        public void probed(double at, String breakId) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
}
