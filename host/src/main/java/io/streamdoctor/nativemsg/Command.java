package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One request type. The router adds v, type (unless set) and the echoed id to the reply. */
public interface Command {
  String type();

  ObjectNode handle(ObjectNode request) throws ProtocolException;
}
