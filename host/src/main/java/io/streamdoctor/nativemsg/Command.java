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

  /** The body of a command: a request in, a reply body out. */
  interface Handler {
    ObjectNode handle(ObjectNode request) throws ProtocolException;
  }

  static Command of(String type, Handler handler) {
    return of(type, handler, false);
  }

  static Command slow(String type, Handler handler) {
    return of(type, handler, true);
  }

  private static Command of(String type, Handler handler, boolean slow) {
    return new Command() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public ObjectNode handle(ObjectNode request) throws ProtocolException {
        return handler.handle(request);
      }

      @Override
      public boolean slow() {
        return slow;
      }
    };
  }
}
