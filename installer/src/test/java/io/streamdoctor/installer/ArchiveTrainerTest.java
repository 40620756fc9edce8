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

  enum Jvm { TAKES_BASE, REFUSES_BASE, IGNORES_BASE }

  /**
   * Training (-XX:AOTCacheOutput=F) writes F holding the address it was dumped at; a run with
   * -XX:AOTCache=F logs, as JDK 25's -Xlog:aot does, where it mapped F: there, or 0x800000000.
   */
  private JavaRuntime fakeJdk25(Jvm kind) throws Exception {
    Path java = ScriptHosts.write(dir, "java", ""
        + "out=; in=; base=\n"
        + "for a in \"$@\"; do case $a in -XX:AOTCacheOutput=*) out=${a#*=};; -XX:AOTCache=*) in=${a#*=};;"
        + " -XX:SharedBaseAddress=0x*) base=${a#*=0x};; esac; done\n"
        + "cat >/dev/null\n"
        + (kind == Jvm.REFUSES_BASE ? "[ -n \"$base\" ] && { echo 'bad SharedBaseAddress' >&2; exit 1; }\n" : "")
        + (kind == Jvm.IGNORES_BASE ? "base=\n" : "")
        + "if [ -n \"$out\" ]; then echo \"${base:-800000000}\" > \"$out\"; fi\n"
        + "if [ -n \"$in\" ]; then read -r at < \"$in\";"
        + " echo \"[0.003s][info][aot] Mapped static  region #0 at base 0x0000${at%0000}1000 top 0x1 (ReadWrite)\" > map.log; fi\n");
    return new JavaRuntime(java, 25);
  }

  private Path jar() throws Exception {
    return Files.writeString(dir.resolve("streamdoctor.jar"), "not a jar");
  }

  private ArchiveTrainer.Made train(Jvm kind, StringWriter log) throws Exception {
    return new ArchiveTrainer(fakeJdk25(kind), BASE, new PrintWriter(log, true)).train(jar(), dir.resolve("sd.aot"));
  }

  @Test
  void train_jvmMapsItAtTheAddress_archiveAtBase() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made m = train(Jvm.TAKES_BASE, log);
    assertTrue(m.atBase(), log.toString());
    assertEquals("140000000000", Files.readString(m.file()).strip());
    assertTrue(log.toString().contains("at this install's own address"), log.toString());
  }

  @Test
  void train_jvmRefusesTheAddress_fallsBackToTheDefaultAndSaysSo() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made m = train(Jvm.REFUSES_BASE, log);
    assertFalse(m.atBase(), log.toString());
    assertEquals("800000000", Files.readString(m.file()).strip());
    assertTrue(log.toString().contains("no archive at a per-install address"), log.toString());
  }

  /** Mode 0 on an archive dumped at the default would put every start at 0x800000000: not taken. */
  @Test
  void train_jvmDumpsAtTheDefaultDespiteTheOption_notMappedAtAFixedKnownAddress() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made m = train(Jvm.IGNORES_BASE, log);
    assertFalse(m.atBase(), log.toString());
    assertTrue(log.toString().contains("no archive at a per-install address"), log.toString());
  }

  @Test
  void train_noBaseOrDynamicArchiveJdk_neverAsksForAnAddress() throws Exception {
    StringWriter log = new StringWriter();
    ArchiveTrainer.Made none = new ArchiveTrainer(fakeJdk25(Jvm.REFUSES_BASE), Optional.empty(), new PrintWriter(log, true))
        .train(jar(), dir.resolve("a.aot"));
    assertFalse(none.atBase());
    JavaRuntime jdk21 = new JavaRuntime(fakeJdk25(Jvm.REFUSES_BASE).java(), 21);
    // JDK 21's flavour writes no AOT cache, so the fake makes none: what matters is no address asked.
    assertNull(new ArchiveTrainer(jdk21, BASE, new PrintWriter(log, true)).train(jar(), dir.resolve("b.jsa")));
    assertFalse(log.toString().contains("per-install address"), log.toString());
  }
}
