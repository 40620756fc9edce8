package io.streamdoctor.lab.netns;

/** A namespace operation failed; the message names the command and what it printed. */
public final class NetnsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NetnsException(String message) {
    super(message);
  }
}
