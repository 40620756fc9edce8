package io.streamdoctor.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a child's stderr (a full pipe would block it) and keeps the last few KiB to quote. */
final class StderrTail implements Runnable {
  private static final int KEEP = 4096;
  private final InputStream in;
  private final StringBuilder tail = new StringBuilder();

  StderrTail(InputStream in) {
    this.in = in;
  }

  @Override
  public void run() {
    byte[] buf = new byte[1024];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (tail) {
          tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          if (tail.length() > KEEP) {
            tail.delete(0, tail.length() - KEEP);
          }
        }
      }
    } catch (IOException e) {
      // The child is gone; what we have is all there is.
    }
  }

  /** "; stderr: ..." with the last line or two, or nothing. */
  String suffix() {
    String t;
    synchronized (tail) {
      t = tail.toString().strip();
    }
    if (t.isEmpty()) {
      return "";
    }
    String[] lines = t.split("\\R");
    String last = lines.length > 1 ? lines[lines.length - 2] + " | " + lines[lines.length - 1] : lines[0];
    return "; stderr: " + (last.length() > 300 ? last.substring(0, 300) + "…" : last);
  }
}
