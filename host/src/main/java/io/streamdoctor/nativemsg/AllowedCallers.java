package io.streamdoctor.nativemsg;

import io.streamdoctor.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Serves only our own extension: the built-in ids, plus ids the installer added (store builds)
 * in {@code allowed-extensions.txt} in the config directory, one per line. Read as plain text so
 * the check stays cheap on the start-up path.
 */
public final class AllowedCallers {
  public static final String FILE_NAME = "allowed-extensions.txt";

  private final Set<String> extra;

  public AllowedCallers(Set<String> extra) {
    this.extra = Set.copyOf(extra);
  }

  public static AllowedCallers load(Path configDir) {
    Set<String> ids = new HashSet<>();
    Path f = configDir.resolve(FILE_NAME);
    try {
      if (Files.isRegularFile(f)) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String t = line.strip();
          if (!t.isEmpty() && !t.startsWith("#")) {
            ids.add(t);
          }
        }
      }
    } catch (IOException e) {
      // An unreadable list only means the extra ids are not served; built-ins still are.
    }
    return new AllowedCallers(ids);
  }

  public static boolean builtIn(Caller caller) {
    return switch (caller.kind()) {
      case CHROME -> Ids.BUILT_IN_CHROME_ORIGINS.contains(caller.id());
      case FIREFOX -> Ids.FIREFOX_ADDON_ID.equals(caller.id());
      case EXPLICIT, NONE -> true;
    };
  }

  public boolean allows(Caller caller) {
    if (builtIn(caller)) {
      return true;
    }
    String id = caller.id();
    if (caller.kind() == Caller.Kind.CHROME) {
      // Stored as bare ids; the origin must still be exact, trailing slash included.
      String bare = id.substring("chrome-extension://".length());
      return bare.endsWith("/") && extra.contains(bare.substring(0, bare.length() - 1));
    }
    return extra.contains(id);
  }
}
