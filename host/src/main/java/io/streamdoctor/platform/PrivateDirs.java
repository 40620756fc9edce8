package io.streamdoctor.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Folders and files for history, logs and recordings: owner-only (0700 folders, 0600 files) where
 * the file system has POSIX permissions, so other users of a shared machine cannot read what
 * broke where (docs/security.md). Modes are given at creation, so the umask cannot widen them.
 */
public final class PrivateDirs {
  private static final Logger LOG = Logger.getLogger(PrivateDirs.class.getName());
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateDirs() {}

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code dir} owner-only; an existing folder is left as it is. For folders a user names
   * (the parent of {@code --record FILE} may be {@code /tmp}); the product's own folders use
   * {@link #own}.
   */
  public static Path create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    if (posix()) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
      } catch (FileAlreadyExistsException raced) {
        return dir;
      }
    }
    return Files.createDirectories(dir);
  }

  /**
   * One of the product's own folders (data, config, logs, recordings): created owner-only, and an
   * existing one that lets group or others in is made owner-only again. The installer used to
   * create the data folder 0755 before the host ever ran, and {@link #create} leaves existing
   * folders alone, so {@code history.db} ended up in a folder everyone could read.
   */
  public static Path own(Path dir) throws IOException {
    create(dir);
    repair(dir, DIR);
    return dir;
  }

  /** As {@link #own}, for a folder that exists; a missing one is not created. */
  public static void repairIfPresent(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      repair(dir, DIR);
    }
  }

  /** A private file: created 0600 when missing, group and others' bits dropped when present. */
  public static void ownerOnlyFile(Path file) throws IOException {
    if (!posix()) {
      return;
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (FileAlreadyExistsException exists) {
      repair(file, FILE);
    }
  }

  /** Owner-only if the path is ours and lets anyone else in; a path of another user is left. */
  private static void repair(Path p, Set<PosixFilePermission> wanted) throws IOException {
    if (!posix() || Files.isSymbolicLink(p)) {
      return;
    }
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
    if (wanted.containsAll(now)) {
      return;
    }
    String me = System.getProperty("user.name");
    if (!Files.getOwner(p).getName().equals(me)) {
      LOG.warning(p + " is readable by others but owned by " + Files.getOwner(p).getName() + ": left as it is");
      return;
    }
    Files.setPosixFilePermissions(p, wanted);
    LOG.info("made " + p + " owner-only (was " + PosixFilePermissions.toString(now) + ")");
  }
}
