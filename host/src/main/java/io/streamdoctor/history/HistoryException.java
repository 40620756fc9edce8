package io.streamdoctor.history;

/** History could not be read or written; wraps the JDBC/IO failure at the boundary. */
public final class HistoryException extends Exception {
  private final transient java.nio.file.Path file;

  public HistoryException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /** {@code file}: the database it concerns, so a message to the user can name it. */
  public HistoryException(String message, java.nio.file.Path file, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  public HistoryException(String message) {
    this(message, null, null);
  }

  /** The database file, or null when the failure is not about one file. */
  public java.nio.file.Path file() {
    return file;
  }
}
