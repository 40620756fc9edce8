package io.streamdoctor;

/** Process exit codes, documented in README.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  /** The browser sent bytes that cannot be a frame (over the size cap): the session ended. */
  public static final int PROTOCOL = 3;
  /** The caller is not one of our extensions. */
  public static final int NOT_ALLOWED = 4;
  /** doctor/status found a problem. */
  public static final int PROBLEM_FOUND = 10;

  private ExitCodes() {}
}
