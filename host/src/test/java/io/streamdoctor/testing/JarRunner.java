package io.streamdoctor.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built jar (system property streamdoctor.jar) as a user would, with a time limit. */
public final class JarRunner {
  public record Result(int exit, String stdout, String stderr, long millis) {}

  private JarRunner() {}

  public static List<String> command(String... args) {
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("streamdoctor.jar")));
    argv.addAll(List.of(args));
    return argv;
  }

  public static Result run(ProcessBuilder pb, Map<String, String> env, long limitMs) throws Exception {
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    if (!p.waitFor(limitMs, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish within " + limitMs + " ms: " + pb.command());
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    return new Result(p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS), ms);
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes());
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
