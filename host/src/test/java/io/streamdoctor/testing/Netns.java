package io.streamdoctor.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace a test creates and always deletes (close()). Only root can do this: tests
 * call {@link #assumeRoot()} first and are skipped with a clear message otherwise.
 */
public final class Netns implements AutoCloseable {
  private final String name;

  public Netns(String prefix) throws Exception {
    this.name = prefix + "-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xffff);
    run("ip", "netns", "add", name);
  }

  public static void assumeRoot() {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean ip = new java.io.File("/usr/sbin/ip").canExecute() || new java.io.File("/sbin/ip").canExecute()
        || new java.io.File("/usr/bin/ip").canExecute();
    Assumptions.assumeTrue(root && ip,
        "SKIPPED: network-namespace tests need root and iproute2 (run them as root, as .ci/run does)");
  }

  public String name() {
    return name;
  }

  /** {@code ip -n NAME args...} */
  public void ip(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
    argv.addAll(List.of(args));
    run(argv.toArray(String[]::new));
  }

  /** A process inside the namespace ({@code ip netns exec NAME argv...}). */
  public ProcessBuilder exec(List<String> argv) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(argv);
    return new ProcessBuilder(full);
  }

  public static String run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", argv) + " hung");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    run("ip", "netns", "del", name);
  }
}
