package io.streamdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamdoctor.platform.PrivateDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirsTest {
  @TempDir Path tmp;

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void create_newNestedFolder_ownerOnly() throws Exception {
    Path d = PrivateDirs.create(tmp.resolve("a/b/logs"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)));
  }

  @Test
  void create_existingFolder_leftAsItIs() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("mine"));
    assertEquals(d, PrivateDirs.create(d));
  }
}
