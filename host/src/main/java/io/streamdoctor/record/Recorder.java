package io.streamdoctor.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.evidence.Evidence;

/**
 * Records a host session as JSON Lines: every message in (as received, before clock mapping) and
 * every piece of evidence the host gathered itself, each with the host time it arrived.
 */
public interface Recorder extends AutoCloseable {
  void message(double receivedAt, JsonNode message);

  void evidence(double receivedAt, Evidence evidence);

  /** The moment a break was diagnosed again after its post-mortem probes (replayed as such). */
  void probed(double at, String breakId);

  /** False when {@link #message} ignores its argument: the router may then skip building the tree. */
  default boolean recordsMessages() {
    return true;
  }

  /** Makes everything recorded so far durable; called before events are acknowledged. */
  void flush();

  @Override
  void close();

  Recorder NONE =
      new Recorder() {
        @Override
        public void message(double receivedAt, JsonNode message) {}

        @Override
        public boolean recordsMessages() {
          return false;
        }

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
