package io.streamdoctor.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Logging for every mode: a rotating file in the platform's log directory (3 x 1 MiB), and stderr
 * when the file cannot be opened. Never stdout: in host mode stdout carries frames only.
 */
public final class Logs {
  private Logs() {}

  public static Path init(AppDirs dirs, String name, boolean alsoStderr) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    Path file = null;
    try {
      PrivateDirs.own(dirs.logs());
      file = dirs.logs().resolve(name + "-0.log");
      FileHandler fh = new FileHandler(dirs.logs().resolve(name + "-%g.log").toString(), 1 << 20, 3, true);
      fh.setFormatter(new LineFormatter(ZoneId.systemDefault()));
      root.addHandler(fh);
    } catch (IOException | RuntimeException e) {
      alsoStderr = true;
      file = null;
    }
    if (alsoStderr) {
      Handler err = new StreamHandler(System.err, new LineFormatter(ZoneId.systemDefault())) {
        @Override
        public synchronized void publish(java.util.logging.LogRecord record) {
          super.publish(record);
          flush();
        }
      };
      err.setLevel(Level.WARNING);
      root.addHandler(err);
    }
    return file;
  }
}
