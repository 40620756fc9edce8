package io.streamdoctor.installer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Platforms rooted in a temporary folder: system paths under root, the user's home under root/home. */
final class FakePlatforms {
  private FakePlatforms() {}

  static Platform linux(Path root) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", root.resolve("home/u").toString());
    env.put("PATH", root.resolve("usr/bin").toString());
    return new Platform(Os.LINUX, root, root.resolve("home/u"), env, Registry.NONE, false);
  }

  static Platform mac(Path root) {
    return new Platform(Os.MAC, root, root.resolve("Users/u"), Map.of("HOME", root.resolve("Users/u").toString()),
        Registry.NONE, false);
  }

  static Platform windows(Path root, Registry registry) {
    Path home = root.resolve("Users/u");
    Map<String, String> env = Map.of(
        "USERPROFILE", home.toString(),
        "APPDATA", home.resolve("AppData/Roaming").toString(),
        "LOCALAPPDATA", home.resolve("AppData/Local").toString(),
        "ProgramFiles", root.resolve("Program Files").toString(),
        "ProgramData", root.resolve("ProgramData").toString());
    return new Platform(Os.WINDOWS, root, home, env, registry, false);
  }
}
