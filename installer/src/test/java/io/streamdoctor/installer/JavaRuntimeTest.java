package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JavaRuntimeTest {
  private static final Path A = Path.of("/sd/streamdoctor.jsa");

  @Test
  void parseFeature_versionOutputs_feature() throws IOException {
    assertEquals(17, JavaRuntime.parseFeature("openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime"));
    assertEquals(25, JavaRuntime.parseFeature("openjdk version \"25\" 2025-09-16"));
    assertThrows(IOException.class, () -> JavaRuntime.parseFeature("java version \"1.8.0_402\""));
    assertThrows(IOException.class, () -> JavaRuntime.parseFeature("command not found"));
  }

  @Test
  void archiveOptions_byFeature_pickTheJdksMechanism() {
    assertEquals(List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + A), new JavaRuntime(Path.of("/j"), 17).archiveOptions(A, false));
    assertEquals(List.of("-Xshare:auto", "-XX:DumpLoadedClassList=/sd/streamdoctor.jsa.classlist"),
        new JavaRuntime(Path.of("/j"), 17).trainingOptions(A, Optional.empty()));
    assertEquals(List.of("-Xshare:dump", "-XX:SharedClassListFile=/sd/streamdoctor.jsa.classlist",
        "-XX:SharedArchiveFile=" + A), new JavaRuntime(Path.of("/j"), 17).dumpOptions(A, Optional.empty()));
    assertEquals(null, new JavaRuntime(Path.of("/j"), 21).dumpOptions(A, Optional.empty()));
    assertEquals(List.of("-Xshare:auto", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + A),
        new JavaRuntime(Path.of("/j"), 21).archiveOptions(A, false));
    assertEquals(List.of("-XX:AOTCache=" + A), new JavaRuntime(Path.of("/j"), 25).archiveOptions(A, false));
    assertEquals(List.of("-XX:AOTCacheOutput=" + A, "-XX:-AOTClassLinking"), new JavaRuntime(Path.of("/j"), 25).trainingOptions(A, Optional.empty()));
  }

  @Test
  void archiveOptions_atBase_mappedAtItsAddressOnlyWhereTheArchiveIsOneFileWeDumped() {
    List<String> pin = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    assertEquals(List.of(pin.get(0), pin.get(1), "-Xshare:auto", "-XX:SharedArchiveFile=" + A),
        new JavaRuntime(Path.of("/j"), 17).archiveOptions(A, true));
    assertEquals(List.of(pin.get(0), pin.get(1), "-XX:AOTCache=" + A), new JavaRuntime(Path.of("/j"), 25).archiveOptions(A, true));
    // JDK 19-24: the dynamic archive sits on the JDK's default one, dumped at the well-known address.
    assertTrue(new JavaRuntime(Path.of("/j"), 21).archiveOptions(A, true).stream().noneMatch(pin::contains));
    assertEquals(List.of("-Xshare:auto"), new JavaRuntime(Path.of("/j"), 25).archiveOptions(null, true));
  }

  @Test
  void dumpAndTrainingOptions_withBase_dumpedAtThatAddress() {
    Optional<ArchiveBase> b = Optional.of(new ArchiveBase(20L << 40));
    assertTrue(new JavaRuntime(Path.of("/j"), 17).dumpOptions(A, b).contains("-XX:SharedBaseAddress=0x140000000000"));
    assertTrue(new JavaRuntime(Path.of("/j"), 17).trainingOptions(A, b).stream().noneMatch(o -> o.contains("SharedBase")));
    assertEquals(List.of("-XX:AOTCacheOutput=" + A, "-XX:-AOTClassLinking", "-XX:SharedBaseAddress=0x140000000000"),
        new JavaRuntime(Path.of("/j"), 25).trainingOptions(A, b));
    assertFalse(new JavaRuntime(Path.of("/j"), 21).mapsAtBase());
  }

  @Test
  void baseOptions_jvmLogging_goesToStderrNotStdout() {
    List<String> o = new JavaRuntime(Path.of("/j"), 17).baseOptions();
    assertTrue(o.indexOf("-Xlog:disable") < o.indexOf("-Xlog:all=warning:stderr"));
  }

  @Test
  void baseOptions_byFeature_nativeAccessOnlyWhereTheVmKnowsIt() {
    assertTrue(new JavaRuntime(Path.of("/j"), 25).baseOptions().contains("--enable-native-access=ALL-UNNAMED"));
    // JDK 17 would refuse to start on an unknown "--" option (IgnoreUnrecognizedVMOptions covers -XX only).
    assertTrue(new JavaRuntime(Path.of("/j"), 17).baseOptions().stream().noneMatch(o -> o.startsWith("--")));
  }

  @Test
  void command_jdk25WithAotCache_hasNoXshareOptionBecauseTheVmWouldRefuseToStart() {
    List<String> cmd = new JavaRuntime(Path.of("/j"), 25).command(Path.of("/sd.jar"), A);
    assertTrue(cmd.contains("-XX:AOTCache=" + A));
    assertTrue(cmd.stream().noneMatch(o -> o.startsWith("-Xshare")), cmd.toString());
    assertTrue(new JavaRuntime(Path.of("/j"), 25).command(Path.of("/sd.jar"), null).contains("-Xshare:auto"));
  }

  @Test
  void probe_thisJava_readsItsFeature() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", Os.current() == Os.WINDOWS ? "java.exe" : "java");
    assertEquals(Runtime.version().feature(), JavaRuntime.probe(java).feature());
    assertThrows(IOException.class, () -> JavaRuntime.probe(Path.of("relative/java")));
  }
}
