package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** File writes that remember what they created, for the receipt. */
final class FileOps {
  private final Set<Path> files = new LinkedHashSet<>();
  private final Set<Path> createdDirs = new LinkedHashSet<>();

  /** Creates missing folders, remembering each one it created (outermost first). */
  void mkdirs(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      createdDirs.add(p);
    }
  }

  /**
   * As {@link #mkdirs}, but the folder itself is owner-only (0700) whatever the umask, and an
   * existing one that lets others in is repaired: it will hold history, settings or logs.
   */
  void mkdirsPrivate(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (abs.getParent() != null) {
      mkdirs(abs.getParent());
    }
    if (!Files.isDirectory(abs)) {
      io.streamdoctor.platform.PrivateDirs.create(abs);
      createdDirs.add(abs);
    }
    io.streamdoctor.platform.PrivateDirs.repairIfPresent(abs);
  }

  void write(Path file, byte[] bytes, boolean executable) throws IOException {
    mkdirs(file.getParent());
    writeAtomically(file, bytes);
    if (executable) {
      makeExecutable(file);
    }
    files.add(file.toAbsolutePath());
  }

  void copy(Path from, Path to) throws IOException {
    mkdirs(to.getParent());
    Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    move(tmp, to);
    files.add(to.toAbsolutePath());
  }

  /** A file someone else (the JVM's CDS dump) wrote that we own from now on. */
  void adopt(Path file) {
    files.add(file.toAbsolutePath());
  }

  /** A folder tree someone else (jlink) wrote: its folders and files, all ours from now on. */
  void adoptTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.map(Path::toAbsolutePath).toList()) {
        if (Files.isDirectory(p)) {
          createdDirs.add(p);
        } else {
          files.add(p);
        }
      }
    }
  }

  Set<Path> files() {
    return files;
  }

  Set<Path> createdDirs() {
    return createdDirs;
  }

  /**
   * Temp file + rename: a browser starting the host mid-install sees the old or the new file,
   * never half of one; a running host keeps its open jar.
   */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    move(tmp, file);
  }

  private static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Windows: a .bat is runnable by its extension.
    }
  }

  /** Deletes a file; false when it was already gone. */
  static boolean delete(Path file) throws IOException {
    try {
      Files.delete(file);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Deletes a folder and everything in it, deepest first; nothing when it does not exist. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Removes a folder only when it is empty: it may hold the user's own files. */
  static boolean removeIfEmpty(Path dir) throws IOException {
    try {
      Files.delete(dir);
      return true;
    } catch (NoSuchFileException | DirectoryNotEmptyException e) {
      return false;
    }
  }
}
