package io.streamdoctor.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real {@link CommandRunner}: ProcessBuilder with stdin closed and a hard time limit. */
public final class ProcessRunner implements CommandRunner {
  @Override
  public Result run(List<String> argv, Duration limit) {
    Process p;
    try {
      p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
    } catch (IOException e) {
      return new Result(-1, "", "cannot start " + argv.get(0) + ": " + e.getMessage());
    }
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", argv.get(0) + " did not finish within " + limit.toMillis() + " ms");
      }
      return new Result(p.exitValue(), out.get(1, TimeUnit.SECONDS), err.get(1, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    } catch (Exception e) {
      return new Result(p.exitValue(), "", "output unreadable: " + e);
    }
  }

  private static java.io.File nullDevice() {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    return new java.io.File(windows ? "NUL" : "/dev/null");
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        // Bounded: a runaway program must not fill the heap.
        return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }
}
