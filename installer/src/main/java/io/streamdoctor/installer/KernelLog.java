package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The recent kernel log (journalctl -k, else dmesg), when this user may read it; empty otherwise. */
final class KernelLog {
  private KernelLog() {}

  static List<String> recent() {
    for (List<String> cmd : List.of(
        List.of("journalctl", "-k", "-q", "--no-pager", "--since", "-2h", "-o", "short"),
        List.of("dmesg"))) {
      List<String> lines = run(cmd);
      if (!lines.isEmpty()) {
        return lines;
      }
    }
    return List.of();
  }

  private static List<String> run(List<String> cmd) {
    java.nio.file.Path out = null;
    try {
      // Output to a file so a command that never ends cannot block us: the wait below is bounded.
      out = java.nio.file.Files.createTempFile("streamdoctor-klog", ".txt");
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      return p.exitValue() == 0 ? java.nio.file.Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }
}
