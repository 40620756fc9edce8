package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every path under a folder, relative and sorted: compare before and after to prove nothing is left. */
final class TreeSnapshot {
  private TreeSnapshot() {}

  static List<String> of(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
