package io.streamdoctor.installer;

import io.streamdoctor.Ids;
import io.streamdoctor.Version;
import io.streamdoctor.nativemsg.AllowedCallers;
import io.streamdoctor.platform.AppDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code streamdoctor install}: copies the jar into the application folder, writes the launcher,
 * one manifest per browser (and registry keys on Windows), the extra extension ids, and a receipt.
 * Idempotent: a second run rewrites the same files; files an older install wrote that this one
 * does not are removed.
 */
public final class Installer {
  /**
   * {@code hostProgram}: set when running from a packaged runtime (jpackage launcher): no jar copy.
   * {@code train}: make the class-data archive; {@code link}: a private runtime where it helps;
   * {@code relocate}: leave the archive at the JVM's default address, relocated at every start,
   * instead of this install's own random address ({@link ArchiveBase}).
   */
  public record Options(List<Browser> browsers, Path profileDir, List<String> extraIds, JavaRuntime java,
      Path jar, Path hostProgram, boolean train, boolean link, boolean relocate) {
    public Options(List<Browser> browsers, Path profileDir, List<String> extraIds, JavaRuntime java,
        Path jar, Path hostProgram, boolean train) {
      this(browsers, profileDir, extraIds, java, jar, hostProgram, train, false, false);
    }
  }

  private final Layout layout;
  private final PrintWriter out;

  public Installer(Layout layout, PrintWriter out) {
    this.layout = layout;
    this.out = out;
  }

  public Receipt install(Options o) throws IOException {
    Platform platform = layout.platform();
    Optional<Receipt> previous = Receipt.read(layout.receiptFile());
    List<String> notes = new ArrayList<>();
    List<Registration> regs = InstallPlan.registrations(layout, o.browsers(), o.profileDir(), previous, notes);
    notes.forEach(n -> out.println("note: " + n));

    FileOps ops = new FileOps();
    if (layout.scope() == Scope.USER) {
      // Before the launcher and jar go into the data folder: created here, it is owner-only.
      AppDirs own = layout.platform().appDirs();
      for (Path dir : List.of(own.data(), own.config(), own.logs())) {
        ops.mkdirsPrivate(dir);
      }
    }
    Path host = o.hostProgram() != null ? o.hostProgram() : installLauncher(o, ops);
    List<String> ids = writeAllowedIds(o.extraIds(), ops);

    Set<RegistryKey> keys = new LinkedHashSet<>();
    Set<Path> written = new LinkedHashSet<>();
    for (Registration r : regs) {
      if (written.add(r.manifest())) {
        ops.write(r.manifest(), HostManifest.render(r.browser().family(), host, ids), false);
      }
      if (r.registryKey() != null) {
        keys.addAll(writeKey(r, platform.registry()));
      }
      out.println("registered " + r.label() + ": " + r.manifest()
          + (r.registryKey() == null ? "" : " (" + r.registryKey() + ")"));
    }

    ops.mkdirs(layout.receiptFile().getParent());
    Set<Path> dirs = new LinkedHashSet<>();
    previous.ifPresent(p -> p.dirs().forEach(d -> dirs.add(Path.of(d))));
    dirs.addAll(ops.createdDirs());
    previous.ifPresent(p -> removeStale(p, ops.files(), keys, platform.registry()));
    Receipt receipt = new Receipt(Version.get(), layout.scope().name().toLowerCase(java.util.Locale.ROOT),
        host.toString(), ops.files().stream().map(Path::toString).toList(),
        dirs.stream().map(Path::toString).toList(), keys.stream().map(RegistryKey::toString).toList(),
        regs.stream().map(Receipt.Entry::of).toList());
    receipt.write(layout.receiptFile());
    out.println("host: " + host);
    out.println("receipt: " + layout.receiptFile());
    return receipt;
  }

  private Path installLauncher(Options o, FileOps ops) throws IOException {
    Os os = layout.platform().os();
    Path app = layout.appDir();
    ops.mkdirs(app);
    Path jar = app.resolve("streamdoctor.jar");
    if (!Files.isRegularFile(o.jar())) {
      throw new IOException("cannot find the StreamDoctor jar to install (" + o.jar() + "); pass --jar FILE");
    }
    if (!Files.exists(jar) || !Files.isSameFile(o.jar(), jar)) {
      ops.copy(o.jar(), jar);
    } else {
      ops.adopt(jar);
    }
    Path runtimeDir = app.resolve(RuntimeLinker.DIR_NAME);
    Optional<RuntimeLinker.Linked> linked = o.link() && RuntimeLinker.applies(os, o.java())
        ? new RuntimeLinker(out).link(o.java(), runtimeDir) : Optional.empty();
    if (linked.isEmpty()) {
      FileOps.deleteTree(runtimeDir); // an earlier install's runtime, now unused
    }
    JavaRuntime java = linked.map(RuntimeLinker.Linked::java).orElse(o.java());
    if (linked.isPresent()) {
      ops.adoptTree(runtimeDir);
    }
    ArchiveTrainer.Made archive = null;
    if (o.train()) {
      // Trained on the runtime the launcher runs: an archive is only valid for the JVM that made it.
      Optional<ArchiveBase> base = o.relocate() ? Optional.empty() : ArchiveBase.draw(System.getProperty("os.arch"));
      archive = new ArchiveTrainer(java, base, out).train(jar, app.resolve(java.archiveName()));
      if (archive != null) {
        ops.adopt(archive.file());
        if (archive.atBase()) {
          ownerOnly(archive.file());
        }
      }
    }
    Path archiveFile = archive == null ? null : archive.file();
    boolean atBase = archive != null && archive.atBase();
    String home = layout.scope() == Scope.USER ? layout.platform().env().get("STREAMDOCTOR_HOME") : null;
    Path launcher = app.resolve(Launcher.fileName(os));
    String text = linked.isPresent()
        ? Launcher.renderGuarded(java.command(jar, archiveFile, atBase), o.java().command(jar, null),
            linked.get().sourceRelease(), linked.get().versionLine(), home)
        : Launcher.render(os, o.java().command(jar, archiveFile, atBase), home);
    ops.write(launcher, text.getBytes(StandardCharsets.UTF_8), true);
    out.println("java: " + o.java().java() + " (Java " + o.java().feature() + ")"
        + linked.map(l -> ", run through the private runtime " + runtimeDir).orElse(""));
    return launcher;
  }

  /**
   * The header of an archive mapped at its own address names that address; in a user install only
   * the user's JVM reads the file, so nobody else may. A system install's archive stays readable:
   * every user who runs the host needs it.
   */
  private void ownerOnly(Path file) {
    if (layout.scope() != Scope.USER || !file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    } catch (IOException | UnsupportedOperationException e) {
      out.println("note: could not make " + file + " readable by its owner only: " + e.getMessage());
    }
  }

  /** Extra ids go to the host's allow-list (it refuses unknown callers) and into the manifests. */
  private List<String> writeAllowedIds(List<String> extra, FileOps ops) throws IOException {
    Path file = layout.platform().appDirs().config().resolve(AllowedCallers.FILE_NAME);
    Set<String> ids = new LinkedHashSet<>();
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          ids.add(t);
        }
      }
    }
    ids.addAll(extra);
    ids.remove(Ids.CHROME_EXTENSION_ID);
    ids.remove(Ids.FIREFOX_ADDON_ID);
    if (ids.isEmpty()) {
      return List.of();
    }
    if (layout.scope() == Scope.SYSTEM) {
      throw new IOException("extra extension ids are per user (the host reads them from the user's "
          + file.getFileName() + "): run 'streamdoctor install --extension-id ID' without --system");
    }
    String text = "# Extra extension ids this host serves (written by 'streamdoctor install').\n"
        + String.join("\n", ids) + "\n";
    ops.write(file, text.getBytes(StandardCharsets.UTF_8), false);
    return List.copyOf(ids);
  }

  /** Sets the key's default value; returns the keys it created (parents first) for the receipt. */
  private static List<RegistryKey> writeKey(Registration r, Registry registry) throws IOException {
    List<RegistryKey> created = new ArrayList<>();
    for (RegistryKey k = r.registryKey(); k != null && !registry.keyExists(k.hive(), k.path()); k = k.parent()) {
      created.add(0, k);
    }
    registry.setDefaultValue(r.registryKey().hive(), r.registryKey().path(), r.manifest().toString());
    if (created.isEmpty()) {
      created.add(r.registryKey());
    }
    return created;
  }

  private void removeStale(Receipt previous, Set<Path> files, Set<RegistryKey> keys, Registry registry) {
    for (String f : previous.files()) {
      if (!files.contains(Path.of(f))) {
        try {
          if (FileOps.delete(Path.of(f))) {
            out.println("removed stale " + f);
          }
        } catch (IOException e) {
          out.println("warning: cannot remove stale " + f + ": " + e.getMessage());
        }
      }
    }
    for (String k : previous.registryKeys()) {
      RegistryKey key = Receipt.parseKey(k);
      if (!keys.contains(key)) {
        // An earlier install created it; keep owning it so uninstall still removes it.
        keys.add(key);
      }
    }
  }
}
