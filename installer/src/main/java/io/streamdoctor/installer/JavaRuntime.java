package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java the launcher starts, by absolute path: browsers (macOS GUI apps above all) start hosts
 * with a minimal PATH, so {@code #!/usr/bin/env java} is a classic "host not found". Also picks the
 * JVM options for a short-lived, small process and the class-data-sharing flavour this JDK offers.
 */
public record JavaRuntime(Path java, int feature) {
  private static final Pattern VERSION = Pattern.compile("version \"(1\\.)?(\\d+)");

  /** The Java running this installer. */
  public static JavaRuntime current(Os os) {
    Path java = Path.of(System.getProperty("java.home"), "bin", os == Os.WINDOWS ? "java.exe" : "java");
    if (!Files.isExecutable(java)) {
      java = ProcessHandle.current().info().command().map(Path::of).orElse(java);
    }
    return new JavaRuntime(java.toAbsolutePath(), Runtime.version().feature());
  }

  /** A Java given with {@code --java}: asked for its version. */
  public static JavaRuntime probe(Path java) throws IOException {
    if (!java.isAbsolute() || !Files.isExecutable(java)) {
      throw new IOException("--java must be the absolute path of an executable java: " + java);
    }
    Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    try {
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readNBytes(8192), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(java + " -version did not finish in 30 s");
      }
      return new JavaRuntime(java, parseFeature(out));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while probing " + java, e);
    }
  }

  /** Feature release from {@code java -version} output ("1.8.0_402" is 8, "17.0.15" is 17). */
  static int parseFeature(String versionOutput) throws IOException {
    Matcher m = VERSION.matcher(versionOutput);
    if (!m.find()) {
      throw new IOException("cannot read a Java version from: " + versionOutput.lines().findFirst().orElse(""));
    }
    int feature = Integer.parseInt(m.group(2));
    if (feature < 17) {
      throw new IOException("StreamDoctor needs Java 17 or newer; this is Java " + feature);
    }
    return feature;
  }

  /**
   * Options for every start. A small heap and the serial collector suit a process with a few MiB of
   * live data. The JVM's unified logging writes warnings to stdout by default; one CDS or AOT warning
   * there would corrupt the first frame, so logging goes to stderr instead (JEP 158).
   */
  public List<String> baseOptions() {
    // Memory flags measured with bench/ingest.sh (docs/benchmarks.md): a 2 MiB young generation
    // and tighter free ratios keep the committed heap near the live set (the capped timeline, with
    // -Xmx48m of headroom for large events); 2 MiB instead of 4 saved 2.6 MiB of RSS at no
    // measurable throughput (the timeline's entries outlive a young collection either way); C1
    // only (TieredStopAtLevel=1) drops the C2 compiler's arenas (~20 MiB of RSS) and still ingests
    // > 250k events/s; a periodic malloc trim returns freed native memory.
    // IgnoreUnrecognizedVMOptions: the trim flag exists from 17.0.9 on, and an older 17 must still
    // start the host.
    // -UsePerfData: no hsperfdata file in the temp folder for every browser-started host (it maps
    // a shared-memory file others can read, and jps/jcmd discovery is of no use to a browser host).
    List<String> o = new ArrayList<>(List.of("-Xms8m", "-Xmx48m", "-Xmn2m", "-XX:MinHeapFreeRatio=20",
        "-XX:MaxHeapFreeRatio=40", "-XX:+UseSerialGC", "-Xss512k",
        "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData",
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=1000",
        "-Xlog:disable", "-Xlog:all=warning:stderr"));
    if (feature >= 22) {
      // JEP 472: from JDK 24 JNA's System.load prints a restricted-method warning on every start;
      // the host uses JNA on purpose (platform package), so it says so (JDK 22+ accepts the flag).
      o.add("--enable-native-access=ALL-UNNAMED");
    }
    return List.copyOf(o);
  }

  /** Name of the archive file next to the jar, by CDS flavour. */
  public String archiveName() {
    return feature >= 25 ? "streamdoctor.aot" : "streamdoctor.jsa";
  }

  /**
   * Class-data sharing for every start: JDK 25+ AOT cache (JEP 483/514), JDK 19+ auto-created
   * dynamic CDS archive (JDK-8261455), JDK 17-18 static archive (dumpOptions), or only the JDK's
   * default archive when there is none. A stale or missing archive costs speed, never the start,
   * except one trap: JDK 25 refuses to start when -XX:AOTCache is combined with any -Xshare option,
   * so the AOT flavour goes without it (AOTMode=auto is its own "use if valid").
   *
   * <p>{@code atBase}: the archive was dumped at a per-install address ({@link ArchiveBase}) and is
   * mapped there instead of relocated at every start. ArchiveRelocationMode is a diagnostic flag
   * (JDK 17 and 25 alike); should a later JDK drop it, IgnoreUnrecognizedVMOptions (baseOptions)
   * keeps the host starting, relocated as before.
   */
  public List<String> archiveOptions(Path archive, boolean atBase) {
    if (archive == null) {
      return List.of("-Xshare:auto");
    }
    List<String> o = new ArrayList<>();
    if (atBase && mapsAtBase()) {
      o.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
    }
    if (feature >= 25) {
      o.add("-XX:AOTCache=" + archive);
    } else if (feature >= 19) {
      o.addAll(List.of("-Xshare:auto", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
    } else {
      o.addAll(List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive));
    }
    return List.copyOf(o);
  }

  /**
   * Whether this JDK's archive is one file dumped at an address we choose: the static archive of
   * JDK 17-18 and the AOT cache of JDK 25+. JDK 19-24's dynamic archive sits on top of the JDK's
   * default archive, which the JDK dumped at the well-known default address, so those stay
   * relocated at every start.
   */
  public boolean mapsAtBase() {
    return feature < 19 || feature >= 25;
  }

  /**
   * Options for the install-time run that writes the archive (JDK 25: no -Xshare either). Without
   * AOT class linking (JEP 483): with it the JVM loads and links every cached class — ~1,800 of
   * them — before main, which made the hello ~40 ms slower than with the classes merely parsed
   * in the cache and loaded on first use (bench/startup.sh, docs/benchmarks.md). JDK 25 dumps the
   * cache in a child of the training run, which inherits the base option.
   */
  public List<String> trainingOptions(Path archive, Optional<ArchiveBase> base) {
    if (feature >= 25) {
      List<String> o = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + archive, "-XX:-AOTClassLinking"));
      base.ifPresent(b -> o.add(b.option()));
      return List.copyOf(o);
    }
    if (feature >= 19) {
      return archiveOptions(archive, false);
    }
    return List.of("-Xshare:auto", "-XX:DumpLoadedClassList=" + classList(archive));
  }

  /**
   * JDK 17-18: the training run only lists the classes it loaded, and a second run dumps one
   * static archive of exactly those (JDK and ours) that replaces the JDK's default archive. A
   * dynamic archive would sit on top of the default one: both are relocated at every start
   * (ArchiveRelocationMode=1, ASLR), so every page of both became private memory, and the default
   * one holds ~1,300 JDK classes the host never loads. Measured: hello -2 ms, RSS -1.4 MiB
   * (docs/benchmarks.md). Null from JDK 19 on.
   */
  public List<String> dumpOptions(Path archive, Optional<ArchiveBase> base) {
    if (feature >= 19) {
      return null;
    }
    List<String> o = new ArrayList<>(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList(archive),
        "-XX:SharedArchiveFile=" + archive));
    base.ifPresent(b -> o.add(b.option()));
    return List.copyOf(o);
  }

  static Path classList(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".classlist");
  }

  /** The full command line that runs the jar, with or without an archive. */
  public List<String> command(Path jar, Path archive) {
    return command(jar, archive, false);
  }

  public List<String> command(Path jar, Path archive, boolean atBase) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(baseOptions());
    cmd.addAll(archiveOptions(archive, atBase));
    cmd.addAll(mainOf(jar));
    return cmd;
  }

  /**
   * The jar on the class path and the main class by name, not {@code -jar}: the launcher opens a
   * {@code -jar} file to read its manifest (its 4,000-entry directory, parsed by still-interpreted
   * code, cost ~20 ms before main), while classes from the CDS/AOT archive come with their
   * archived manifest and never open the jar before the hello.
   */
  static List<String> mainOf(Path jar) {
    return List.of("-cp", jar.toString(), MAIN_CLASS);
  }

  static final String MAIN_CLASS = "io.streamdoctor.Main";
}
