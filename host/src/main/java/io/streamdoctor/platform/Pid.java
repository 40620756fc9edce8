package io.streamdoctor.platform;

import java.io.File;
import java.io.IOException;

/** This process's id, cheaply: it goes into the hello, the first frame the browser waits for. */
public final class Pid {
  private Pid() {}

  /**
   * On Linux {@code /proc/self} is a link to {@code /proc/PID} (proc(5)); resolving it is one
   * realpath call. {@link ProcessHandle#current()} is the portable way, but its class initialiser
   * builds the process-reaper executor and bootstraps lambdas (~10 ms before the hello on a cold
   * JVM), so it is only the fallback elsewhere.
   */
  public static long current() {
    try {
      return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
    } catch (IOException | NumberFormatException | SecurityException e) {
      return ProcessHandle.current().pid();
    }
  }
}
