package io.streamdoctor.installer;

import io.streamdoctor.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program the manifest's {@code path} names: a POSIX shell script (Linux, macOS) or a batch
 * file (Windows; Chrome starts it through cmd.exe) that runs Java by absolute path. Nothing in it
 * may write to stdout: that is the frame channel.
 */
public final class Launcher {
  public static final String POSIX_NAME = "streamdoctor-host";
  public static final String WINDOWS_NAME = "streamdoctor-host.bat";
  private static final Pattern POSIX_EXEC = Pattern.compile("(?m)^exec '((?:[^']|'\\\\'')*)'");
  private static final Pattern BAT_CALL = Pattern.compile("(?m)^\"([^\"]+)\"");

  private Launcher() {}

  public static String fileName(Os os) {
    return os == Os.WINDOWS ? WINDOWS_NAME : POSIX_NAME;
  }

  /** {@code streamdoctorHome} is baked in when the installer ran with STREAMDOCTOR_HOME set. */
  public static String render(Os os, List<String> command, String streamdoctorHome) {
    return os == Os.WINDOWS ? bat(command, streamdoctorHome) : posix(command, streamdoctorHome, null);
  }

  /**
   * POSIX only: runs {@code linked} (a private runtime, {@link RuntimeLinker}) while the JDK it was
   * linked from still has the version it had then, and {@code fallback} (that JDK itself) once it
   * was updated, so a JDK security update always reaches the host. Shell builtins only (read, case,
   * test): the check costs no process start.
   */
  public static String renderGuarded(List<String> linked, List<String> fallback, Path sourceRelease,
      String versionLine, String streamdoctorHome) {
    String guard = "v=\n"
        + "if [ -r " + sh(sourceRelease.toString()) + " ]; then\n"
        + "  while IFS= read -r l || [ -n \"$l\" ]; do case $l in JAVA_RUNTIME_VERSION=*) v=$l;; esac; done < "
        + sh(sourceRelease.toString()) + "\n"
        + "fi\n"
        + "# The private runtime was linked from the JDK above; once that JDK changed, run it instead.\n"
        + "if [ \"$v\" != " + sh(versionLine) + " ]; then\n"
        + "  exec" + words(fallback) + " \"$@\"\n"
        + "fi\n";
    return posix(linked, streamdoctorHome, guard);
  }

  private static String words(List<String> command) {
    StringBuilder s = new StringBuilder();
    command.forEach(c -> s.append(' ').append(sh(c)));
    return s.toString();
  }

  private static String posix(List<String> command, String home, String guard) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n")
        .append("# StreamDoctor native-messaging host launcher, written by 'streamdoctor install' ")
        .append(Version.get()).append(".\n")
        .append("# Browsers start this with their own arguments; stdout carries frames only.\n");
    if (home != null) {
      s.append("STREAMDOCTOR_HOME=").append(sh(home)).append("\nexport STREAMDOCTOR_HOME\n");
    }
    if (guard != null) {
      s.append(guard);
    }
    return s.append("exec").append(words(command)).append(" \"$@\"\n").toString();
  }

  private static String bat(List<String> command, String home) {
    // "@echo off" first: cmd.exe would otherwise echo each command to stdout and break the frames.
    // DisableDelayedExpansion: with delayed expansion on (a registry setting), "!" would expand.
    StringBuilder s = new StringBuilder("@echo off\r\nsetlocal DisableDelayedExpansion\r\n")
        .append("rem StreamDoctor native-messaging host launcher, written by 'streamdoctor install' ")
        .append(Version.get()).append(".\r\n");
    if (home != null) {
      s.append("set \"STREAMDOCTOR_HOME=").append(batSafe(home).replace("%", "%%")).append("\"\r\n");
    }
    for (int i = 0; i < command.size(); i++) {
      s.append(i == 0 ? "" : " ").append(bat(command.get(i)));
    }
    return s.append(" %*\r\n").toString();
  }

  /**
   * One argument on a batch line, for cmd.exe and then for the program's argument parser. Always
   * double-quoted: inside quotes cmd takes {@code & | < > ^} literally (a profile folder
   * {@code C:\Users\R&D} split the line at {@code &} when only arguments with spaces were quoted).
   * {@code %} still expands inside quotes, so it is doubled ({@code %%} is a literal percent in a
   * batch file). Backslashes just before the closing quote are doubled, or the parser
   * (CommandLineToArgvW rules) would read {@code \"} as a literal quote.
   */
  static String bat(String arg) {
    String a = batSafe(arg);
    int trailing = 0;
    for (int i = a.length() - 1; i >= 0 && a.charAt(i) == '\\'; i--) {
      trailing++;
    }
    return "\"" + a.replace("%", "%%") + "\\".repeat(trailing) + "\"";
  }

  /** A quote or a line break cannot be carried through a batch line; Windows paths never hold one. */
  private static String batSafe(String s) {
    if (s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("cannot be written into a batch launcher: " + s);
    }
    return s;
  }

  private static String unquote(String shQuotedBody) {
    return shQuotedBody.replace("'\\''", "'");
  }

  /** Single-quoted for sh: nothing inside is special except the quote itself. */
  static String sh(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static final Pattern GUARD = Pattern.compile(
      "(?m)^if \\[ -r '((?:[^']|'\\\\'')*)' \\]; then$[\\s\\S]*?^if \\[ \"\\$v\" != '((?:[^']|'\\\\'')*)' \\]; then\\n  exec '((?:[^']|'\\\\'')*)'");

  /**
   * The program a launcher we wrote execs (the Java), for the "Java missing" check. For a guarded
   * launcher ({@link #renderGuarded}) the one it would run now: the private runtime while the
   * JDK's release file still names the version it was linked from, that JDK's java otherwise.
   */
  public static Optional<Path> program(String launcherText) {
    Matcher g = GUARD.matcher(launcherText);
    if (g.find()) {
      Path release = Path.of(unquote(g.group(1)));
      boolean same = RuntimeLinker.versionLine(release).map(unquote(g.group(2))::equals).orElse(false);
      if (!same) {
        return Optional.of(Path.of(unquote(g.group(3))));
      }
    }
    Matcher m = POSIX_EXEC.matcher(launcherText);
    if (m.find()) {
      return Optional.of(Path.of(m.group(1).replace("'\\''", "'")));
    }
    Matcher b = BAT_CALL.matcher(launcherText);
    return b.find() ? Optional.of(Path.of(b.group(1).replace("%%", "%"))) : Optional.empty();
  }

  /** The jar a launcher we wrote runs ({@code -cp JAR Main}; launchers written before that said {@code -jar JAR}). */
  public static Optional<Path> jar(String launcherText) {
    Matcher m = Pattern.compile("-(?:jar|cp)['\"]?[ ]+['\"]?([^'\"\\r\\n]+?\\.jar)").matcher(launcherText);
    boolean bat = launcherText.startsWith("@echo off");
    return m.find() ? Optional.of(Path.of(bat ? m.group(1).replace("%%", "%") : m.group(1))) : Optional.empty();
  }
}
