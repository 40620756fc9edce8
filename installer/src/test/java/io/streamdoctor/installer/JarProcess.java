package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real jar (system property streamdoctor.jar) as a child process with a temporary HOME:
 * HOME, STREAMDOCTOR_HOME and the XDG variables all point inside the test's folder.
 */
final class JarProcess {
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  final Path home;
  final Path sdHome;
  final Map<String, String> env = new HashMap<>();

  JarProcess(Path base) {
    home = base.resolve("home");
    sdHome = base.resolve("sd");
    env.put("HOME", home.toString());
    env.put("STREAMDOCTOR_HOME", sdHome.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    // No browser on PATH: detection sees only what a test puts into HOME.
    env.put("PATH", base.resolve("bin").toString());
  }

  static Path jar() {
    String j = System.getProperty("streamdoctor.jar");
    if (j == null) {
      throw new IllegalStateException("system property streamdoctor.jar is not set (run with mvn verify)");
    }
    return Path.of(j);
  }

  /** When set (e.g. "022"), each run starts under this umask, set by /bin/sh before exec. */
  String umask;

  Result run(String... args) throws IOException, InterruptedException {
    return run(new byte[0], args);
  }

  /** As {@link #run(String...)} with these bytes on stdin (then EOF). */
  Result run(byte[] input, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (umask != null) {
      cmd.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
    }
    cmd.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile("sd-out", ".txt");
    Path err = Files.createTempFile("sd-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try (var stdin = p.getOutputStream()) {
        stdin.write(input);
      }
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("streamdoctor " + String.join(" ", args) + " did not finish in 180 s");
      }
      // new String, not readString: host mode writes binary frames, which readString refuses.
      return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
