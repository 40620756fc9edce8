package io.streamdoctor.installer;

import io.streamdoctor.platform.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the installer asks of the machine, in one value so tests can build a fake one: the OS,
 * a file-system root that system-wide paths are resolved against ("/" for real, a temporary folder
 * in tests), the user's home, the environment and the registry.
 *
 * <p>Home comes from {@code $HOME} before {@code user.home}: browsers look for per-user manifests
 * under {@code $HOME} (Chromium's base::GetHomeDir reads the variable first), so must we.
 */
public record Platform(Os os, Path root, Path home, Map<String, String> env, Registry registry, boolean superuser) {

  public static Platform current() {
    Os os = Os.current();
    Map<String, String> env = System.getenv();
    String home = os == Os.WINDOWS ? env.get("USERPROFILE") : env.get("HOME");
    if (home == null || home.isBlank() || !Path.of(home).isAbsolute()) {
      home = System.getProperty("user.home");
    }
    Registry registry = os == Os.WINDOWS ? new WindowsRegistry() : Registry.NONE;
    Path root = os == Os.WINDOWS ? Path.of(home).getRoot() : Path.of("/");
    return new Platform(os, root, Path.of(home), env, registry, isSuperuser(os));
  }

  /** Per-user StreamDoctor directories (STREAMDOCTOR_HOME overrides them all). */
  public AppDirs appDirs() {
    return AppDirs.of(os.osName(), env, home.toString());
  }

  /** An absolute system path under this platform's root, e.g. {@code sys("etc/opt/chrome")}. */
  public Path sys(String relative) {
    return root.resolve(relative);
  }

  public String env(String key, String fallback) {
    String v = env.get(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static boolean isSuperuser(Os os) {
    if (os == Os.WINDOWS) {
      return false;
    }
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException | RuntimeException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
