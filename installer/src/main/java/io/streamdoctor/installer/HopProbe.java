package io.streamdoctor.installer;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.nativemsg.Frames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real hop: starts the host exactly as the browser does (the manifest's path, the browser's
 * arguments, the host's folder as working directory) and reads the first frame, which must be
 * {@code hello}. Whatever goes wrong is turned into one sentence a user can act on.
 */
public final class HopProbe {
  /** {@code ok}: a hello arrived; {@code detail}: what happened, for the status line. */
  public record Result(boolean ok, String detail, long millis) {}

  private final Os os;
  private final Duration timeout;

  public HopProbe(Os os, Duration timeout) {
    this.os = os;
    this.timeout = timeout;
  }

  /**
   * Chrome passes the caller origin (on Windows also {@code --parent-window=N}, 0 when there is no
   * window); Firefox the manifest path and the add-on id.
   */
  public static List<String> browserArgs(Os os, Browser b, Path manifest, String extensionId) {
    if (b.family() == Browser.Family.FIREFOX) {
      return List.of(manifest.toString(), extensionId);
    }
    return os == Os.WINDOWS
        ? List.of(HostManifest.origin(extensionId), "--parent-window=0")
        : List.of(HostManifest.origin(extensionId));
  }

  public Result run(Path program, List<String> args) {
    List<String> cmd = new ArrayList<>();
    String name = program.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (os == Os.WINDOWS && (name.endsWith(".bat") || name.endsWith(".cmd"))) {
      // Chrome on Windows runs batch hosts as: cmd.exe /d /s /c ""path" args"
      cmd.addAll(List.of("cmd.exe", "/d", "/s", "/c", "\"\"" + program + "\" " + String.join(" ", args) + "\""));
    } else {
      cmd.add(program.toString());
      cmd.addAll(args);
    }
    long t0 = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(program.toAbsolutePath().getParent().toFile()).start();
    } catch (IOException e) {
      return new Result(false, "cannot start " + program + ": " + e.getMessage(), 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "hop-probe");
      t.setDaemon(true);
      return t;
    });
    StderrTail stderr = new StderrTail(p.getErrorStream());
    pool.submit(stderr);
    try {
      return exchange(p, pool, stderr, t0);
    } finally {
      finish(p);
      pool.shutdownNow();
    }
  }

  private Result exchange(Process p, ExecutorService pool, StderrTail stderr, long t0) {
    InputStream stdout = p.getInputStream();
    Future<byte[]> header = pool.submit(() -> stdout.readNBytes(4));
    byte[] h;
    try {
      h = header.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Result(false, "the host started but sent nothing within " + timeout.toSeconds()
          + " s (it must send hello first)" + stderr.suffix(), ms(t0));
    } catch (ExecutionException e) {
      return new Result(false, "cannot read the host's output: " + e.getCause().getMessage(), ms(t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted", ms(t0));
    }
    if (h.length < 4) {
      return new Result(false, exitExplanation(p, h) + stderr.suffix(), ms(t0));
    }
    long length = Frames.length(h, ByteOrder.nativeOrder());
    if (length == 0 || length > Frames.MAX_OUTBOUND) {
      byte[] more = readSome(pool, stdout, 400);
      return new Result(false, Pollution.explain(h, more, length), ms(t0));
    }
    Future<byte[]> body = pool.submit(() -> stdout.readNBytes((int) length));
    try {
      byte[] b = body.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      long took = ms(t0);
      if (b.length < length) {
        return new Result(false, "the host's first frame announced " + length + " bytes but only "
            + b.length + " arrived" + stderr.suffix(), took);
      }
      return interpret(Json.MAPPER.readTree(b), took);
    } catch (IOException e) {
      return new Result(false, "the host's first frame is not JSON: " + e.getMessage(), ms(t0));
    } catch (TimeoutException | ExecutionException e) {
      return new Result(false, "the host's first frame did not arrive completely", ms(t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted", ms(t0));
    }
  }

  private static Result interpret(JsonNode m, long took) {
    String type = m.path("type").asText();
    if ("hello".equals(type)) {
      return new Result(true, "hello from host " + m.path("host").asText("?") + " (protocol "
          + m.path("protocol").asText("?") + ") in " + took + " ms", took);
    }
    if ("error".equals(type)) {
      return new Result(false, "the host refused: error " + m.path("code").asText() + " "
          + m.path("name").asText() + ": " + m.path("message").asText(), took);
    }
    return new Result(false, "the host's first frame is '" + type + "', expected hello", took);
  }

  private String exitExplanation(Process p, byte[] partial) {
    Integer code = null;
    try {
      if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        code = p.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String what = partial.length == 0 ? "without writing anything" : "after writing only " + partial.length + " byte(s)";
    if (code != null && code == 127) {
      return "the host exited " + what + " with code 127: the launcher's program (Java?) was not found";
    }
    return "the host exited " + what + (code == null ? "" : " with code " + code);
  }

  private static byte[] readSome(ExecutorService pool, InputStream in, int max) {
    Future<byte[]> f = pool.submit(() -> {
      byte[] buf = new byte[max];
      int n = in.read(buf);
      return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buf, n);
    });
    try {
      return f.get(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new byte[0];
    } catch (ExecutionException | TimeoutException e) {
      return new byte[0];
    }
  }

  /** Like the browser closing the port: EOF on stdin, then the host must exit by itself. */
  private static void finish(Process p) {
    try {
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      p.destroyForcibly();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
