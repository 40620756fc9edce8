package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The traps that make a correct-looking install fail in the browser (product brief, section 5):
 * sandboxed Snap and Flatpak browsers, an install made as root for somebody else, AppArmor.
 * Each finding is a note for the status output; none of them is proof on its own.
 */
public final class Traps {
  private final Platform platform;
  private final Scope scope;

  public Traps(Platform platform, Scope scope) {
    this.platform = platform;
    this.scope = scope;
  }

  public List<String> forBrowser(Browser b) {
    List<String> notes = new ArrayList<>();
    if (platform.os() != Os.LINUX) {
      return notes;
    }
    Path home = platform.home();
    b.snap().ifPresent(snap -> {
      if (Files.exists(platform.sys("snap/bin").resolve(snap)) || Files.isDirectory(home.resolve("snap").resolve(snap))) {
        notes.add(b == Browser.FIREFOX
            ? "Firefox is installed as a Snap: it can start native hosts only through the WebExtensions"
                + " portal (xdg-desktop-portal 1.17 or newer; Firefox asks you to allow it). If the hop"
                + " works here but not in Firefox, install Firefox from a .deb/.rpm or Mozilla's tarball"
            : b.displayName() + " is installed as a Snap: its confinement stops it from starting programs"
                + " outside the snap, so it cannot reach the host. Use a non-Snap " + b.displayName());
      }
    });
    b.flatpak().ifPresent(id -> {
      if (Files.isDirectory(home.resolve(".var/app").resolve(id))
          || Files.isDirectory(platform.sys("var/lib/flatpak/app").resolve(id))
          || Files.isDirectory(home.resolve(".local/share/flatpak/app").resolve(id))) {
        notes.add(b.displayName() + " is installed as a Flatpak (" + id + "): the sandbox cannot start"
            + " host programs and reads manifests from ~/.var/app/" + id + "/. It needs"
            + " xdg-native-messaging-proxy (or a flatpak-spawn --host wrapper); see docs/install.md");
      }
    });
    apparmorProfile(b).ifPresent(notes::add);
    return notes;
  }

  /** Installs made as root that a normal user's browser will not see or cannot use. */
  public List<String> general(List<Registration> regs) {
    List<String> notes = new ArrayList<>();
    String sudoUser = platform.env().get("SUDO_USER");
    if (platform.superuser() && scope == Scope.USER && sudoUser != null && !sudoUser.equals("root")) {
      notes.add("running as root through sudo (SUDO_USER=" + sudoUser + "): this per-user install is for "
          + platform.home() + ", which " + sudoUser + "'s browser does not read. Run without sudo, or use --system");
    }
    UserPrincipal homeOwner = owner(platform.home());
    for (Registration r : regs) {
      UserPrincipal o = owner(r.manifest());
      if (homeOwner != null && o != null && r.manifest().startsWith(platform.home()) && !o.equals(homeOwner)) {
        notes.add(r.manifest() + " is owned by " + o.getName() + " but lies in " + homeOwner.getName()
            + "'s home: it was installed as another user (sudo?); reinstall as " + homeOwner.getName());
      }
    }
    return notes;
  }

  /** Recent AppArmor denials that mention our files, from the kernel log when it is readable. */
  public List<String> apparmorDenials(Path appDir) {
    List<String> hits = new ArrayList<>();
    if (platform.os() != Os.LINUX || !Files.isDirectory(platform.sys("sys/kernel/security/apparmor"))) {
      return hits;
    }
    for (String line : KernelLog.recent()) {
      if (line.contains("apparmor=\"DENIED\"")
          && (line.contains(appDir.toString()) || line.toLowerCase(Locale.ROOT).contains("streamdoctor"))) {
        hits.add("AppArmor denied: " + line.strip());
      }
    }
    return hits.size() > 3 ? hits.subList(hits.size() - 3, hits.size()) : hits;
  }

  private java.util.Optional<String> apparmorProfile(Browser b) {
    Path profiles = platform.sys("sys/kernel/security/apparmor/profiles");
    try {
      if (!Files.isReadable(profiles)) {
        return java.util.Optional.empty();
      }
      for (String line : Files.readAllLines(profiles, StandardCharsets.UTF_8)) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.endsWith("(enforce)") && b.executables().stream().anyMatch(e -> l.startsWith(e + " ")
            || l.contains("/" + e + " ") || l.startsWith(b.id() + " "))) {
          return java.util.Optional.of("AppArmor confines " + b.displayName() + " (profile '"
              + line.substring(0, line.lastIndexOf(' ')) + "', enforce): if the hop works here but not in the"
              + " browser, look for apparmor=\"DENIED\" in 'journalctl -k' or dmesg");
        }
      }
    } catch (IOException e) {
      // Unreadable without privileges: nothing to report.
    }
    return java.util.Optional.empty();
  }

  private static UserPrincipal owner(Path p) {
    try {
      return Files.getOwner(p);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }
}
