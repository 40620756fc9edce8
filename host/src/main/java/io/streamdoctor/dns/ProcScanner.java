package io.streamdoctor.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds running processes by name from {@code /proc/PID/comm} (the kernel truncates names to 15
 * characters: "systemd-resolved" reads "systemd-resolve").
 */
public final class ProcScanner implements LinuxDnsFlusher.Processes {
  private final Path proc;

  public ProcScanner(Path proc) {
    this.proc = proc;
  }

  @Override
  public Map<String, List<Long>> running(List<String> names) {
    Map<String, List<Long>> found = new LinkedHashMap<>();
    try (Stream<Path> dirs = Files.list(proc)) {
      dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
        try {
          String comm = Files.readString(d.resolve("comm")).trim();
          if (names.contains(comm)) {
            found.computeIfAbsent(comm, k -> new java.util.ArrayList<>())
                .add(Long.parseLong(d.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // The process ended while we looked: it is not running.
        }
      });
    } catch (IOException e) {
      return Map.of();
    }
    return found;
  }
}
