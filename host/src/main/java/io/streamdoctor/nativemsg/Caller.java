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
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("chrome-extension://")) {
        return new Caller(Kind.CHROME, a);
      }
      if (a.endsWith(".json") && i + 1 < args.size()) {
        return new Caller(Kind.FIREFOX, args.get(i + 1));
      }
    }
    if (!args.isEmpty() && args.get(0).equals("host")) {
      return new Caller(Kind.EXPLICIT, null);
    }
    return new Caller(Kind.NONE, null);
  }

  /** Whether these arguments are a browser starting us (so host mode is chosen automatically). */
  public static boolean isBrowserLaunch(String[] args) {
    Kind k = parse(List.of(args)).kind();
    return k == Kind.CHROME || k == Kind.FIREFOX;
  }
}
