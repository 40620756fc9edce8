package io.streamdoctor.lab.netns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with a fixed argument vector (never through a shell: nothing in an argument is
 * ever interpreted), bounded by a timeout.
 */
public final class Cmd {
  /** A finished command. */
  public record Result(List<String> argv, int exit, String out, String err) {
    public boolean ok() {
      return exit == 0;
    }

    /** This result, or a {@link NetnsException} naming the command and its stderr. */
    public Result orThrow() {
      if (exit != 0) {
        throw new NetnsException(String.join(" ", argv) + " exited " + exit + ": " + err.strip());
      }
      return this;
    }
  }

  private Cmd() {}

  public static Result run(List<String> argv, Duration timeout) {
    Process p;
    try {
      p = new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new NetnsException("cannot start " + argv.get(0) + ": " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new NetnsException(String.join(" ", argv) + " did not finish within " + timeout);
      }
      return new Result(List.copyOf(argv), p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new NetnsException("talking to " + argv.get(0) + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new NetnsException("interrupted while running " + argv.get(0));
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }
}
