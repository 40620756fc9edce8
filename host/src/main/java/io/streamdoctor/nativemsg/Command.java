package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One request type. The router adds v, type (unless set) and the echoed id to the reply. */
public interface Command {
  String type();

  ObjectNode handle(ObjectNode request) throws ProtocolException;

  /**
   * Slow commands (probes, an OS flush that may wait for an admin prompt) run off the reader
   * thread, so events keep flowing and being acknowledged while they work.
   */
  default boolean slow() {
    return false;
  }
}
