package io.streamdoctor.installer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Links a private Java runtime with only the host's modules (jlink) next to the jar, for JDK 17.
 * Why there only: JDK 17's serial collector cannot load the CDS archive's heap objects, so every
 * start builds the module graph of all ~70 JDK modules; JDK 18 loads it from the archive with any
 * collector (JDK-8273508). With 11 modules the hello came ~10 ms sooner and the RSS was ~4 MiB lower
 * (bench/startup.sh, bench/ingest.sh; docs/benchmarks.md). JDK 25 was measured too: no gain.
 *
 * <p>A linked runtime does not receive the JDK's security updates. The launcher therefore checks,
 * with shell builtins only, that the JDK it was linked from still has the same version, and runs
 * that JDK's own java otherwise (see {@link Launcher}); the next install links again.
 */
final class RuntimeLinker {
  /**
   * What the host needs: jdeps on the jar (java.sql for SQLite, java.naming for dnsjava and
   * certificate names, java.net.http for DoH, jdk.httpserver for the lab) plus what jdeps cannot
   * see: ECDHE for TLS probes, sun.misc.Unsafe for JNA, the JNDI DNS provider dnsjava falls back to.
   * Not java.desktop: only JNA's AWT helpers and Jackson's optional java.beans support use it.
   * LinkedRuntimeIT checks this list against jdeps on the built jar.
   */
  static final List<String> MODULES = List.of("java.base", "java.logging", "java.sql", "java.naming",
      "java.net.http", "jdk.httpserver", "jdk.crypto.ec", "jdk.unsupported", "jdk.naming.dns");
  static final String DIR_NAME = "runtime";
  private static final String VERSION_KEY = "JAVA_RUNTIME_VERSION=";
  private static final long TIMEOUT_S = 180;

  /** The linked runtime, and the source JDK's release file with the version line it had then. */
  record Linked(JavaRuntime java, Path sourceRelease, String versionLine) {}

  private final PrintWriter out;

  RuntimeLinker(PrintWriter out) {
    this.out = out;
  }

  /** True where linking is worth it and possible: POSIX launcher (the version guard), JDK 17. */
  static boolean applies(Os os, JavaRuntime source) {
    return os != Os.WINDOWS && source.feature() == 17;
  }

  /**
   * Links into {@code dest}, replacing an earlier link. Empty, with a note, when the JDK has no
   * jlink or jmods (a JRE), has no runtime version to guard with, or jlink fails: the launcher then
   * runs the JDK's java as before.
   */
  Optional<Linked> link(JavaRuntime source, Path dest) {
    Path home = source.java().getParent().getParent();
    Path jlink = home.resolve("bin").resolve("jlink");
    Path release = home.resolve("release");
    if (!Files.isExecutable(jlink) || !Files.isDirectory(home.resolve("jmods"))) {
      out.println("note: " + home + " has no jlink/jmods (a JRE?): the host runs on it directly");
      return Optional.empty();
    }
    Optional<String> version = versionLine(release);
    if (version.isEmpty()) {
      out.println("note: " + release + " names no " + VERSION_KEY + ": not linking a runtime whose updates cannot be tracked");
      return Optional.empty();
    }
    Path fresh = dest.resolveSibling(dest.getFileName() + ".new");
    Path old = dest.resolveSibling(dest.getFileName() + ".old");
    Path log = dest.resolveSibling(dest.getFileName() + ".jlink.log");
    try {
      FileOps.deleteTree(fresh);
      run(List.of(jlink.toString(), "--add-modules", String.join(",", MODULES), "--output", fresh.toString(),
          "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive"), log);
      Files.deleteIfExists(log);
      // Two renames: a browser starting the host meanwhile finds the old runtime or the new one.
      FileOps.deleteTree(old);
      if (Files.exists(dest)) {
        Files.move(dest, old);
      }
      Files.move(fresh, dest);
      FileOps.deleteTree(old);
      out.println("java runtime: linked " + MODULES.size() + " modules from " + home + " into " + dest);
      return Optional.of(new Linked(new JavaRuntime(dest.resolve("bin").resolve("java"), source.feature()),
          release, version.get()));
    } catch (IOException e) {
      out.println("note: no private runtime (" + e.getMessage() + "): the host runs on " + source.java());
      quietlyDelete(fresh);
      quietlyDelete(log);
      return Optional.empty();
    }
  }

  /** The {@code JAVA_RUNTIME_VERSION="..."} line of a JDK's release file, as the launcher reads it. */
  static Optional<String> versionLine(Path release) {
    try {
      return Files.readAllLines(release, StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith(VERSION_KEY)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void run(List<String> cmd, Path log) throws IOException {
    // Output to a file, not a pipe: a pipe nobody drains could stall jlink past the timeout.
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      p.getOutputStream().close();
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("jlink did not finish in " + TIMEOUT_S + " s");
      }
      if (p.exitValue() != 0) {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        throw new IOException("jlink exited " + p.exitValue() + ": " + text.lines().findFirst().orElse(""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while linking", e);
    }
  }

  private static void quietlyDelete(Path dir) {
    try {
      FileOps.deleteTree(dir);
    } catch (IOException e) {
      // A leftover "runtime.new" is replaced by the next install.
    }
  }
}
