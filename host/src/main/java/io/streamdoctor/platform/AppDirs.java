package io.streamdoctor.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Per-user directories by platform convention: XDG Base Directory on Linux, ~/Library on macOS,
 * %APPDATA%/%LOCALAPPDATA% on Windows. {@code STREAMDOCTOR_HOME} overrides all of them (tests and
 * portable installs).
 */
public record AppDirs(Path config, Path data, Path logs) {

  public static AppDirs current() {
    return of(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
  }

  public static AppDirs of(String osName, Map<String, String> env, String home) {
    String override = env.get("STREAMDOCTOR_HOME");
    if (override != null && !override.isBlank()) {
      Path root = Path.of(override);
      return new AppDirs(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
    }
    String os = osName.toLowerCase(Locale.ROOT);
    Path h = Path.of(home);
    if (os.startsWith("windows")) {
      Path roaming = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : h.resolve("AppData/Roaming");
      Path local = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA")) : h.resolve("AppData/Local");
      return new AppDirs(roaming.resolve("StreamDoctor"), local.resolve("StreamDoctor"),
          local.resolve("StreamDoctor").resolve("Logs"));
    }
    if (os.startsWith("mac")) {
      Path lib = h.resolve("Library");
      return new AppDirs(lib.resolve("Application Support/StreamDoctor"),
          lib.resolve("Application Support/StreamDoctor"), lib.resolve("Logs/StreamDoctor"));
    }
    Path config = xdg(env, "XDG_CONFIG_HOME", h.resolve(".config"));
    Path data = xdg(env, "XDG_DATA_HOME", h.resolve(".local/share"));
    Path state = xdg(env, "XDG_STATE_HOME", h.resolve(".local/state"));
    return new AppDirs(config.resolve("streamdoctor"), data.resolve("streamdoctor"),
        state.resolve("streamdoctor").resolve("logs"));
  }

  private static Path xdg(Map<String, String> env, String key, Path fallback) {
    String v = env.get(key);
    // XDG spec: a relative path in these variables is invalid and must be ignored.
    return v != null && v.startsWith("/") ? Path.of(v) : fallback;
  }
}
