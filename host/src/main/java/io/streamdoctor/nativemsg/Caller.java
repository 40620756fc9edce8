package io.streamdoctor.nativemsg;

import java.util.List;

/**
 * Who started the host, from the arguments the browser passes. Chrome family: the caller origin
 * {@code chrome-extension://ID/} (Windows adds {@code --parent-window=N}). Firefox: the path of the
 * host manifest, then the add-on id. Explicit {@code host} mode has no caller.
 */
public record Caller(Kind kind, String id) {
  public enum Kind { CHROME, FIREFOX, EXPLICIT, NONE }

  public static Caller parse(List<String> args) {
    if (args.isEmpty()) {
      return new Caller(Kind.NONE, null);
    }
    String first = args.get(0);
    if (first.startsWith("chrome-extension://")) {
      return new Caller(Kind.CHROME, first);
    }
    // Firefox: exactly "<absolute manifest path> <add-on id>"; add-on ids are email-like or a
    // {GUID} (MDN, browser_specific_settings), which keeps "replay x.json" from matching.
    if (first.endsWith(".json") && args.size() >= 2 && looksLikeAddonId(args.get(1))) {
      return new Caller(Kind.FIREFOX, args.get(1));
    }
    if (first.equals("host")) {
      return new Caller(Kind.EXPLICIT, null);
    }
    return new Caller(Kind.NONE, null);
  }

  static boolean looksLikeAddonId(String s) {
    return s.contains("@") || (s.startsWith("{") && s.endsWith("}"));
  }

  /** Whether these arguments are a browser starting us (so host mode is chosen automatically). */
  public static boolean isBrowserLaunch(String[] args) {
    Kind k = parse(List.of(args)).kind();
    return k == Kind.CHROME || k == Kind.FIREFOX;
  }
}
