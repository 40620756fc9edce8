package io.streamdoctor.installer;

import io.streamdoctor.Ids;
import io.streamdoctor.nativemsg.Frames;
import io.streamdoctor.nativemsg.ProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class-data archive (CDS / AOT cache) at install time with one training run of the host:
 * the browser-style start, a short session ({@link TrainingSession}), then EOF. The browser pays
 * the host's start-up on every connectNative, so loading pre-parsed classes matters. Where a
 * per-install address applies ({@link ArchiveBase}), the archive is dumped there and one more run
 * checks the JVM really maps it there; otherwise it is made again at the JVM's default address.
 * Best effort: any failure only means the launcher runs without an archive.
 */
final class ArchiveTrainer {
  private static final long TIMEOUT_S = 90;
  private final JavaRuntime java;
  private final PrintWriter out;
  private final Optional<ArchiveBase> base;

  /** {@code base}: where to dump the archive (empty: the JVM's default address). */
  ArchiveTrainer(JavaRuntime java, Optional<ArchiveBase> base, PrintWriter out) {
    this.java = java;
    this.base = base;
    this.out = out;
  }

  /** The archive made, and whether it is mapped at its own address (JavaRuntime.archiveOptions). */
  record Made(Path file, boolean atBase) {}

  /** Returns the archive, or null when none could be made. */
  Made train(Path jar, Path archive) {
    if (base.isPresent() && java.mapsAtBase()) {
      Path made = make(jar, archive, base);
      if (made != null && mappedAtBase(jar, made, base.get())) {
        out.println("class-data archive: " + archive + " (at this install's own address, not relocated at each start)");
        return new Made(made, true);
      }
      out.println("note: no archive at a per-install address; trying the JVM's default address");
    }
    Path made = make(jar, archive, Optional.empty());
    if (made == null) {
      return null;
    }
    out.println("class-data archive: " + archive);
    return new Made(made, false);
  }

  private Path make(Path jar, Path archive, Optional<ArchiveBase> at) {
    Path scratch = null;
    try {
      // A read-only archive (the JDK writes them 0444) cannot be replaced in place.
      FileOps.delete(archive);
      scratch = Files.createTempDirectory("streamdoctor-train");
      TrainingSession.prepareHome(scratch);
      Process p = runHost(jar, java.trainingOptions(archive, at), scratch, jar.getParent());
      if (p.isAlive()) {
        p.destroyForcibly();
        out.println("note: class-data archive not made (training run exceeded " + TIMEOUT_S + " s)");
        return null;
      }
      List<String> dump = java.dumpOptions(archive, at);
      if (dump != null && !dump(jar, archive, dump)) {
        return null;
      }
      if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
        return archive;
      }
      out.println("note: the JVM made no class-data archive (exit " + p.exitValue() + "); the host starts without one");
      return null;
    } catch (IOException e) {
      out.println("note: class-data archive not made: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      deleteTree(scratch);
      try {
        Files.deleteIfExists(JavaRuntime.classList(archive));
      } catch (IOException e) {
        // A leftover class list is harmless; the next install overwrites it.
      }
    }
  }

  /**
   * The host as the browser starts it, with {@code options} after the base options: the training
   * session's frames, then EOF, in folder {@code dir}. Returns the process, still alive if it did not end
   * within the timeout.
   */
  private Process runHost(Path jar, List<String> options, Path home, Path dir) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.java().toString());
    cmd.addAll(java.baseOptions());
    cmd.addAll(options);
    // Same class path as the launcher (JavaRuntime.mainOf), or the archive would not match it.
    cmd.addAll(JavaRuntime.mainOf(jar));
    cmd.add("chrome-extension://" + Ids.CHROME_EXTENSION_ID + "/");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    // Install-time runs must not touch the user's logs or history.
    pb.environment().put("STREAMDOCTOR_HOME", home.toString());
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      for (String json : TrainingSession.frames(System.currentTimeMillis())) {
        in.write(frame(json));
      }
    } catch (IOException e) {
      // The host may already have exited; an archive is still dumped at exit.
    }
    p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
    return p;
  }

  /**
   * Starts the host as the launcher will and reads where the JVM mapped the archive (its cds/aot
   * log). A JVM that dumped at its default address after all (one that reverts an address it
   * finds invalid, or an AOT-cache child that did not inherit the option) would otherwise have
   * every start map the archive at one well-known address; a log we cannot read counts as that.
   */
  private boolean mappedAtBase(Path jar, Path archive, ArchiveBase at) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("streamdoctor-check");
      List<String> options = new ArrayList<>(java.archiveOptions(archive, true));
      // Relative to the run's folder: a Windows path's drive colon would end -Xlog's file= part.
      options.add("-Xlog:" + (java.feature() >= 25 ? "aot" : "cds") + "=info:file=map.log");
      Process p = runHost(jar, options, scratch, scratch);
      Path log = scratch.resolve("map.log");
      if (p.isAlive()) {
        p.destroyForcibly();
        return false;
      }
      OptionalLong mapped = ArchiveBase.mappedAt(Files.isRegularFile(log) ? Files.readString(log) : "");
      return mapped.isPresent() && at.holds(mapped.getAsLong());
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      deleteTree(scratch);
    }
  }

  /** JDK 17-18's second step: the static archive from the training run's class list. */
  private boolean dump(Path jar, Path archive, List<String> options) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JavaRuntime.classList(archive))) {
      out.println("note: the training run listed no classes; the host starts without an archive");
      return false;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java.java().toString());
    cmd.addAll(java.baseOptions());
    cmd.addAll(options);
    cmd.addAll(List.of("-cp", jar.toString()));
    Process p = new ProcessBuilder(cmd).directory(jar.getParent().toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      out.println("note: class-data archive not made (dump exceeded " + TIMEOUT_S + " s)");
      return false;
    }
    if (p.exitValue() != 0) {
      out.println("note: the JVM could not dump a class-data archive (exit " + p.exitValue() + "); the host starts without one");
      return false;
    }
    return true;
  }

  private static byte[] frame(String json) throws IOException {
    try {
      return Frames.encode(json.getBytes(StandardCharsets.UTF_8), ByteOrder.nativeOrder(), Frames.MAX_INBOUND);
    } catch (ProtocolException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      FileOps.deleteTree(dir);
    } catch (IOException e) {
      // A leftover temp folder is harmless.
    }
  }
}
