package io.streamdoctor.lab.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Whether network-namespace scenarios can run here: they need root and iproute2 (and iptables). */
public final class Netns {
  private Netns() {}

  /** Empty when namespaces can be made; otherwise why not, in words fit for a skip message. */
  public static Optional<String> unavailableReason() {
    if (!isRoot()) {
      return Optional.of("network-namespace scenarios need root (ip netns add); skipped");
    }
    if (!onPath("ip")) {
      return Optional.of("iproute2 'ip' is not installed; namespace scenarios skipped");
    }
    if (!onPath("iptables")) {
      return Optional.of("iptables is not installed; namespace scenarios skipped");
    }
    try {
      Cmd.Result r = Cmd.run(List.of(which("ip").orElseThrow(), "netns", "list"), Duration.ofSeconds(10));
      return r.ok() ? Optional.empty()
          : Optional.of("'ip netns list' failed (" + r.err().strip() + "); namespace scenarios skipped");
    } catch (NetnsException e) {
      return Optional.of(e.getMessage());
    }
  }

  static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (Exception e) {
      return false;
    }
  }

  static boolean onPath(String program) {
    return which(program).isPresent();
  }

  /** The absolute path of a program: PATH first, then the sbin folders a non-login PATH lacks. */
  public static Optional<String> which(String program) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Optional.of(Path.of(dir, program).toString());
      }
    }
    return Optional.empty();
  }
}
