package io.streamdoctor.installer;

import java.util.Locale;

/** The three platforms whose browsers we register with; anything that is not macOS or Windows is treated as Linux. */
public enum Os {
  LINUX, MAC, WINDOWS;

  public static Os of(String osName) {
    String n = osName.toLowerCase(Locale.ROOT);
    if (n.startsWith("windows")) {
      return WINDOWS;
    }
    return n.startsWith("mac") || n.startsWith("darwin") ? MAC : LINUX;
  }

  public static Os current() {
    return of(System.getProperty("os.name", ""));
  }

  /** The os.name value AppDirs understands. */
  public String osName() {
    return switch (this) {
      case LINUX -> "Linux";
      case MAC -> "Mac OS X";
      case WINDOWS -> "Windows 11";
    };
  }
}
