package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private runtime against the real jar: RuntimeLinker.MODULES covers what jdeps finds (but
 * java.desktop, see there), the JDK's jlink links it, it runs the jar, and a second link replaces it.
 */
@Timeout(300)
class LinkedRuntimeIT {
  private static final Path JDK = Path.of(System.getProperty("java.home"));
  @TempDir Path dir;

  private static String run(Path log, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    return out;
  }

  @Test
  void modules_jdepsOnTheJar_allLinkedButJavaDesktop() throws Exception {
    Path jdeps = JDK.resolve("bin/jdeps");
    assumeTrue(Files.isExecutable(jdeps), "no jdeps in " + JDK);
    String out = run(dir.resolve("jdeps.txt"), jdeps.toString(), "--print-module-deps", "--ignore-missing-deps",
        "--multi-release", "17", JarProcess.jar().toString()).strip();
    Set<String> needed = new HashSet<>(Arrays.asList(out.lines().reduce((a, b) -> b).orElse("").split(",")));
    needed.remove("java.desktop");
    needed.removeAll(RuntimeLinker.MODULES);
    assertTrue(needed.isEmpty(), "modules the jar needs but the runtime lacks: " + needed);
  }

  @Test
  void link_realJdk17_runtimeRunsTheHostsLibraries() throws Exception {
    JavaRuntime source = JavaRuntime.current(Os.LINUX);
    assumeTrue(source.feature() == 17 && Files.isDirectory(JDK.resolve("jmods")), "needs a JDK 17 with jmods");
    StringWriter notes = new StringWriter();
    Path dest = dir.resolve("runtime");
    RuntimeLinker.Linked linked = new RuntimeLinker(new PrintWriter(notes, true)).link(source, dest).orElseThrow(
        () -> new AssertionError("not linked: " + notes));
    assertEquals(RuntimeLinker.versionLine(JDK.resolve("release")).orElseThrow(), linked.versionLine());
    String java = linked.java().java().toString();
    Set<String> modules = run(dir.resolve("mods.txt"), java, "--list-modules").lines()
        .map(l -> l.replaceFirst("@.*", "")).collect(Collectors.toSet());
    assertTrue(modules.containsAll(RuntimeLinker.MODULES), modules.toString());
    assertTrue(Files.isRegularFile(dest.resolve("lib/server/classes.jsa")), "jlink made the default CDS archive");

    // The jar's CLI on it; whole sessions (SQLite history, netlink via JNA, TLS probes) run on the
    // linked runtime in every e2e test, which installs with the defaults.
    assertTrue(run(dir.resolve("version.txt"), java, "-cp", JarProcess.jar().toString(), "io.streamdoctor.Main",
        "--version").startsWith("streamdoctor "));

    // A second link replaces the first (install run twice) and leaves no .new/.old folder behind.
    new RuntimeLinker(new PrintWriter(notes, true)).link(source, dest).orElseThrow();
    assertEquals(List.of("runtime"), Files.list(dir).map(f -> f.getFileName().toString())
        .filter(n -> n.startsWith("runtime")).toList());
  }
}
