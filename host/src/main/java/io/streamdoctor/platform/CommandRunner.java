package io.streamdoctor.platform;

import java.time.Duration;
import java.util.List;

/**
 * Runs one external program from a fixed argument vector (never through a shell) with a time
 * limit. An interface so the macOS/Windows command boundaries can be faked in tests.
 */
public interface CommandRunner {
  /** {@code exit} is -1 when the program could not start or was killed at the time limit. */
  record Result(int exit, String stdout, String stderr) {
    public boolean ok() {
      return exit == 0;
    }
  }

  Result run(List<String> argv, Duration limit);
}
