package io.streamdoctor.installer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Browsers we register with. {@code executables} are the Linux command names used to detect an
 * installed browser; {@code snap} and {@code flatpak} name the sandboxed packages that cannot start
 * a host directly (status explains them instead of pretending they work).
 */
public enum Browser {
  CHROME("chrome", "Google Chrome", Family.CHROMIUM, List.of("google-chrome", "google-chrome-stable"), null, "com.google.Chrome"),
  CHROME_BETA("chrome-beta", "Google Chrome Beta", Family.CHROMIUM, List.of("google-chrome-beta"), null, null),
  CHROME_DEV("chrome-dev", "Google Chrome Dev", Family.CHROMIUM, List.of("google-chrome-unstable"), null, null),
  CHROME_CANARY("chrome-canary", "Google Chrome Canary", Family.CHROMIUM, List.of("google-chrome-canary"), null, null),
  CHROMIUM("chromium", "Chromium", Family.CHROMIUM, List.of("chromium", "chromium-browser"), "chromium", "org.chromium.Chromium"),
  EDGE("edge", "Microsoft Edge", Family.CHROMIUM, List.of("microsoft-edge", "microsoft-edge-stable"), null, "com.microsoft.Edge"),
  BRAVE("brave", "Brave", Family.CHROMIUM, List.of("brave-browser", "brave"), "brave", "com.brave.Browser"),
  VIVALDI("vivaldi", "Vivaldi", Family.CHROMIUM, List.of("vivaldi", "vivaldi-stable"), null, "com.vivaldi.Vivaldi"),
  OPERA("opera", "Opera", Family.CHROMIUM, List.of("opera"), "opera", "com.opera.Opera"),
  FIREFOX("firefox", "Firefox", Family.FIREFOX, List.of("firefox", "firefox-esr"), "firefox", "org.mozilla.firefox"),
  LIBREWOLF("librewolf", "LibreWolf", Family.FIREFOX, List.of("librewolf"), null, "io.gitlab.librewolf-community");

  /** Chrome-family manifests list {@code allowed_origins}; Firefox-family ones {@code allowed_extensions}. */
  public enum Family { CHROMIUM, FIREFOX }

  private final String id;
  private final String displayName;
  private final Family family;
  private final List<String> executables;
  private final String snap;
  private final String flatpak;

  Browser(String id, String displayName, Family family, List<String> executables, String snap, String flatpak) {
    this.id = id;
    this.displayName = displayName;
    this.family = family;
    this.executables = executables;
    this.snap = snap;
    this.flatpak = flatpak;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Family family() {
    return family;
  }

  public List<String> executables() {
    return executables;
  }

  public Optional<String> snap() {
    return Optional.ofNullable(snap);
  }

  public Optional<String> flatpak() {
    return Optional.ofNullable(flatpak);
  }

  public static Optional<Browser> byId(String name) {
    String n = name.toLowerCase(Locale.ROOT).strip();
    for (Browser b : values()) {
      if (b.id.equals(n) || b.name().toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  public static String ids() {
    StringBuilder s = new StringBuilder();
    for (Browser b : values()) {
      s.append(s.length() == 0 ? "" : ", ").append(b.id);
    }
    return s.toString();
  }
}
