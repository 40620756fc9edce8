package io.streamdoctor.cli;

import io.streamdoctor.history.HistoryException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a failure into one line a person can act on: what was wrong and what to do, with no
 * exception class or library text (picocli prints it after "streamdoctor: ").
 */
final class Problems {
  private Problems() {}

  /** Why {@code file} cannot be read as an input file, or null when it can. */
  static String unreadable(Path file) {
    if (!Files.exists(file)) {
      return "cannot read " + file + ": there is no such file (check the path)";
    }
    if (Files.isDirectory(file)) {
      return file + " is a folder, not a file: name a file inside it";
    }
    if (!Files.isReadable(file)) {
      return "cannot read " + file + ": permission denied (check its owner and mode: ls -l " + file + ")";
    }
    return null;
  }

  static String describe(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HistoryException h) {
        return history(h);
      }
      if (c instanceof CharacterCodingException) {
        return "a file it read is not text (not UTF-8): pass the file the command documents (see --help)";
      }
      if (c instanceof NoSuchFileException f) {
        return "cannot find " + f.getFile() + ": there is no such file or folder";
      }
      if (c instanceof AccessDeniedException f) {
        return "cannot use " + f.getFile() + ": permission denied (check its owner and mode)";
      }
      if (c instanceof FileSystemException f) {
        String reason = f.getReason() == null ? "the operating system refused" : f.getReason();
        return "cannot use " + f.getFile() + ": " + reason.toLowerCase(Locale.ROOT);
      }
    }
    return "something unexpected failed"
        + (t.getMessage() == null ? "" : " (" + plain(t.getMessage()) + ")")
        + ". Please report it, with the command you ran and 'streamdoctor --version'";
  }

  /** SQLite's result codes (sqlite.org/rescode.html) in words, with the next step. */
  private static String history(HistoryException h) {
    SQLException sql = null;
    for (Throwable c = h.getCause(); c != null; c = c.getCause()) {
      if (c instanceof SQLException s) {
        sql = s;
      }
    }
    String text = sql == null ? "" : String.valueOf(sql.getMessage());
    String file = h.file() == null ? null : h.file().toString();
    if (text.contains("SQLITE_NOTADB") || text.contains("SQLITE_CORRUPT")) {
      return (file == null ? "the history file" : file)
          + " is damaged or is not a StreamDoctor history: move it aside ("
          + (file == null ? "mv FILE FILE.broken" : "mv '" + file + "' '" + file + ".broken'")
          + ") and StreamDoctor starts a new one";
    }
    if (text.contains("SQLITE_BUSY") || text.contains("SQLITE_LOCKED")) {
      return "the history is busy (another StreamDoctor is writing to it): try again in a moment";
    }
    if (text.contains("SQLITE_FULL")) {
      return "the disk holding the history is full: free some space and try again";
    }
    if (text.contains("SQLITE_CANTOPEN") || text.contains("SQLITE_READONLY") || text.contains("SQLITE_PERM")) {
      return "cannot open the history file for writing: check that its folder exists and is yours";
    }
    return "the history could not be read: " + plain(h.getMessage());
  }

  /** A library's message without its internals: bracketed codes, class names, source excerpts. */
  static String plain(String message) {
    String s = message.length() > 300 ? message.substring(0, 300) : message;
    int source = s.indexOf("Source:");
    if (source >= 0) {
      s = s.substring(0, source);
    }
    return s.replaceAll("\\[[A-Z_]+\\]\\s*", "")
        .replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
