package io.streamdoctor.installer;

import io.streamdoctor.platform.AppDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code streamdoctor uninstall}: removes what the receipt lists (files, registry keys, then the
 * folders the install created, deepest first and only when empty) and the receipt itself. History,
 * settings and logs stay unless {@code --purge}. A second run finds no receipt and does nothing.
 */
public final class Uninstaller {
  private final Layout layout;
  private final PrintWriter out;

  public Uninstaller(Layout layout, PrintWriter out) {
    this.layout = layout;
    this.out = out;
  }

  /** Returns the number of problems (files that could not be removed). */
  public int uninstall(boolean purge) throws IOException {
    Optional<Receipt> receipt = Receipt.read(layout.receiptFile());
    int problems = 0;
    if (receipt.isEmpty()) {
      out.println("nothing to uninstall: no install receipt at " + layout.receiptFile());
    } else {
      problems += removeListed(receipt.get());
    }
    if (purge && layout.scope() == Scope.USER) {
      AppDirs dirs = layout.platform().appDirs();
      for (Path d : List.of(dirs.data(), dirs.config(), dirs.logs())) {
        problems += deleteTree(d);
      }
    }
    // Folders last: purging may just have emptied one the install created.
    receipt.ifPresent(r -> removeDirs(r.dirs()));
    return problems;
  }

  private int removeListed(Receipt r) throws IOException {
    int problems = 0;
    for (String f : r.files()) {
      try {
        if (FileOps.delete(Path.of(f))) {
          out.println("removed " + f);
        }
      } catch (IOException e) {
        out.println("cannot remove " + f + ": " + e.getMessage());
        problems++;
      }
    }
    Registry registry = layout.platform().registry();
    List<RegistryKey> keys = r.registryKeys().stream().map(Receipt::parseKey)
        .sorted(Comparator.comparingInt((RegistryKey k) -> k.path().length()).reversed()).toList();
    for (RegistryKey k : keys) {
      try {
        if (registry.deleteKey(k.hive(), k.path())) {
          out.println("removed registry key " + k);
        }
      } catch (IOException e) {
        out.println("cannot remove registry key " + k + ": " + e.getMessage());
        problems++;
      }
    }
    FileOps.delete(layout.receiptFile());
    out.println("removed " + layout.receiptFile());
    return problems;
  }

  private void removeDirs(List<String> created) {
    List<Path> dirs = created.stream().map(Path::of)
        .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
    for (Path d : dirs) {
      try {
        if (FileOps.removeIfEmpty(d)) {
          out.println("removed folder " + d);
        } else if (Files.isDirectory(d)) {
          out.println("kept folder " + d + " (not empty: history, logs or files StreamDoctor did not install)");
        }
      } catch (IOException e) {
        out.println("cannot remove folder " + d + ": " + e.getMessage());
      }
    }
  }

  private int deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try {
      FileOps.deleteTree(dir);
      out.println("purged " + dir);
      return 0;
    } catch (IOException e) {
      out.println("cannot purge " + dir + ": " + e.getMessage());
      return 1;
    }
  }
}
