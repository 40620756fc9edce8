package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's choices around the per-install address, against a /bin/sh "java" that plays a
 * JDK 25 writing its AOT cache (the real JVMs: ArchiveAddressIT).
 */
@Timeout(60)
@DisabledOnOs(OS.WINDOWS)
class ArchiveTrainerTest {
  private static final Optional<ArchiveBase> BASE = Optional.of(new ArchiveBase(20L << 40));
  @TempDir Path dir;

  /** Writes the file named by -XX:AOTCacheOutput=, unless refusing is given and an address was asked for. */
  private JavaRuntime fakeJdk25(boolean refuseBase) throws Exception {
    Path java = ScriptHosts.write(dir, "java", ""
        + "out=; base=\n"
        + "for a in \"$@\"; do case $a in -XX:AOTCacheOutput=*) out=${a#*=};; -XX:SharedBaseAddress=*) base=$a;; esac; done\n"
        + "cat >/dev/null\n"
        + (refuseBase ? "[ -n \"$base\" ] && { echo 'bad SharedBaseAddress' >&2; exit 1; }\n" : "")
        + "echo \"$base\" > \"$out\"\n");
    return new JavaRuntime(java, 25);
  }

  private Path jar() throws Exception {
    return Files.writeString(dir.resolve("streamdoctor.jar"), "not a jar");
  }

  @Test
  void train_jvmTakesTheAddress_archiveAtBase() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made m = new ArchiveTrainer(fakeJdk25(false), BASE, new PrintWriter(log, true))
        .train(jar(), dir.resolve("sd.aot"));
    assertTrue(m.atBase(), log.toString());
    assertEquals("-XX:SharedBaseAddress=0x140000000000", Files.readString(m.file()).strip());
  }

  @Test
  void train_jvmRefusesTheAddress_fallsBackToTheDefaultAndSaysSo() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made m = new ArchiveTrainer(fakeJdk25(true), BASE, new PrintWriter(log, true))
        .train(jar(), dir.resolve("sd.aot"));
    assertFalse(m.atBase(), log.toString());
    assertEquals("", Files.readString(m.file()).strip());
    assertTrue(log.toString().contains("no archive at a per-install address"), log.toString());
  }

  @Test
  void train_noBaseOrDynamicArchiveJdk_neverAsksForAnAddress() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made none = new ArchiveTrainer(fakeJdk25(true), Optional.empty(), new PrintWriter(log, true))
        .train(jar(), dir.resolve("a.aot"));
    assertFalse(none.atBase());
    JavaRuntime jdk21 = new JavaRuntime(fakeJdk25(true).java(), 21);
    // JDK 21's flavour writes no AOT cache, so the fake makes none: what matters is no address asked.
    assertNull(new ArchiveTrainer(jdk21, BASE, new PrintWriter(log, true)).train(jar(), dir.resolve("b.jsa")));
    assertFalse(log.toString().contains("per-install address"), log.toString());
  }
}
