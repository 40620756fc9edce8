package io.streamdoctor.platform;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders for history, logs and recordings: owner-only (0700) where the file system has POSIX
 * permissions, so other users of a shared machine cannot read what broke where (docs/security.md).
 * Existing folders are left as they are (the user may have chosen otherwise).
 */
public final class PrivateDirs {
  private PrivateDirs() {}

  public static Path create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        return dir;
      }
    }
    return Files.createDirectories(dir);
  }
}
