package io.streamdoctor.history;

/** History could not be read or written; wraps the JDBC/IO failure at the boundary. */
public final class HistoryException extends Exception {
  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }

  public HistoryException(String message) {
    super(message);
  }
}
