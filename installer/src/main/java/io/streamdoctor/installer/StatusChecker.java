package io.streamdoctor.installer;

import io.streamdoctor.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one registration the way the browser would use it, stopping at the first broken link:
 * registry key (Windows), manifest present, readable and valid, host program present and
 * executable, the Java it starts present, then the real hop.
 */
public final class StatusChecker {
  /** One status line: {@code ok} or the first thing that is wrong. */
  public record Line(Registration registration, boolean ok, String detail) {}

  private final Platform platform;
  private final HopProbe probe;

  public StatusChecker(Platform platform, HopProbe probe) {
    this.platform = platform;
    this.probe = probe;
  }

  public Line check(Registration r) {
    Optional<String> broken = staticProblem(r);
    if (broken.isPresent()) {
      return new Line(r, false, broken.get());
    }
    Path host = hostPath(r.manifest(), manifestPath(r));
    String id = r.browser().family() == Browser.Family.FIREFOX ? Ids.FIREFOX_ADDON_ID : Ids.CHROME_EXTENSION_ID;
    HopProbe.Result hop = probe.run(host, HopProbe.browserArgs(platform.os(), r.browser(), r.manifest(), id));
    return new Line(r, hop.ok(), hop.detail() + (hop.ok() ? " via " + host : ""));
  }

  private String manifestPath(Registration r) {
    try {
      return HostManifest.check(Files.readAllBytes(r.manifest()), r.browser().family(), platform.os()).path();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Everything that can be decided without starting the host. */
  Optional<String> staticProblem(Registration r) {
    if (r.registryKey() != null) {
      Optional<String> v = platform.registry().defaultValue(r.registryKey().hive(), r.registryKey().path());
      if (v.isEmpty()) {
        return Optional.of("registry key missing: " + r.registryKey());
      }
      if (!Path.of(v.get()).equals(r.manifest())) {
        return Optional.of("registry key " + r.registryKey() + " points to " + v.get() + ", not " + r.manifest());
      }
    }
    if (!Files.exists(r.manifest())) {
      return Optional.of("manifest missing: " + r.manifest());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(r.manifest());
    } catch (IOException e) {
      return Optional.of("manifest unreadable: " + r.manifest() + " (" + e.getMessage() + ")");
    }
    HostManifest.Check c = HostManifest.check(bytes, r.browser().family(), platform.os());
    if (!c.ok()) {
      return Optional.of(String.join("; ", c.problems()) + " in " + r.manifest());
    }
    return hostProblem(hostPath(r.manifest(), c.path()));
  }

  /** Windows allows a path relative to the manifest's folder (Chrome and MDN docs); elsewhere it is absolute. */
  private static Path hostPath(Path manifest, String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : manifest.getParent().resolve(p).normalize();
  }

  private Optional<String> hostProblem(Path host) {
    if (!Files.exists(host)) {
      return Optional.of("path not found: the manifest names " + host + ", which does not exist");
    }
    if (platform.os() != Os.WINDOWS && !Files.isExecutable(host)) {
      return Optional.of("path not executable: " + host + " (chmod 755 it, or reinstall)");
    }
    String text = launcherText(host);
    if (text == null) {
      return Optional.empty();
    }
    if (platform.os() == Os.MAC && text.startsWith("#!/usr/bin/env")) {
      // GUI apps on macOS start with a minimal PATH (/usr/bin:/bin:/usr/sbin:/sbin): env finds no java.
      return Optional.of("launcher " + host + " finds its interpreter through #!/usr/bin/env, which fails"
          + " for browsers started from the Dock (minimal PATH); reinstall (our launcher names Java by absolute path)");
    }
    Optional<Path> java = Launcher.program(text);
    if (java.isPresent() && !Files.isExecutable(java.get())) {
      return Optional.of("Java missing: the launcher " + host + " starts " + java.get()
          + ", which is gone or not executable (Java updated or removed?); run 'streamdoctor install'"
          + " again, or pass --java /absolute/path/to/java");
    }
    Optional<Path> jar = Launcher.jar(text);
    if (jar.isPresent() && !Files.isRegularFile(jar.get())) {
      return Optional.of("jar missing: the launcher " + host + " runs " + jar.get() + "; run 'streamdoctor install' again");
    }
    return Optional.empty();
  }

  /** The launcher's text when the host is a small script (ours or someone's), else null. */
  private static String launcherText(Path host) {
    try {
      if (Files.size(host) > 64 * 1024) {
        return null;
      }
      byte[] b = Files.readAllBytes(host);
      boolean script = (b.length > 2 && b[0] == '#' && b[1] == '!')
          || host.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".bat");
      return script ? new String(b, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Present browsers that have no registration yet. */
  public static List<Browser> unregistered(Layout layout, List<Registration> regs) {
    List<Browser> out = new ArrayList<>();
    for (Browser b : layout.detect()) {
      if (regs.stream().noneMatch(r -> r.browser() == b && r.profileDir() == null)) {
        out.add(b);
      }
    }
    return out;
  }
}
