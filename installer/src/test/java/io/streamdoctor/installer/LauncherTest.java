package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LauncherTest {
  @Test
  void posix_pathsWithQuotesAndSpaces_roundTrip() {
    List<String> cmd = List.of("/opt/it's java/bin/java", "-Xmx128m", "-jar", "/home/u/My Apps/streamdoctor.jar");
    String text = Launcher.render(Os.LINUX, cmd, "/tmp/sd home");
    assertTrue(text.startsWith("#!/bin/sh\n"));
    assertTrue(text.contains("STREAMDOCTOR_HOME='/tmp/sd home'\nexport STREAMDOCTOR_HOME\n"));
    assertTrue(text.endsWith(" \"$@\"\n"));
    assertEquals(Path.of("/opt/it's java/bin/java"), Launcher.program(text).orElseThrow());
    assertEquals(Path.of("/home/u/My Apps/streamdoctor.jar"), Launcher.jar(text).orElseThrow());
  }

  @Test
  void windows_batch_echoOffCrlfAndArgsForwarded() {
    List<String> cmd = List.of("C:\\Program Files\\Java\\bin\\java.exe", "-Xmx128m", "-jar", "C:\\Users\\u\\AppData\\Local\\StreamDoctor\\streamdoctor.jar");
    String text = Launcher.render(Os.WINDOWS, cmd, null);
    assertTrue(text.startsWith("@echo off\r\n"), text);
    assertTrue(text.endsWith(" %*\r\n"));
    assertEquals(Path.of("C:\\Program Files\\Java\\bin\\java.exe"), Launcher.program(text).orElseThrow());
    assertTrue(Launcher.jar(text).orElseThrow().toString().endsWith("streamdoctor.jar"));
  }

  @Test
  void jar_classPathLauncher_foundLikeTheOldJarForm() {
    List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/java", "-Xmx48m"));
    cmd.addAll(JavaRuntime.mainOf(Path.of("/home/u/My Apps/streamdoctor.jar")));
    String text = Launcher.render(Os.LINUX, cmd, null);
    assertTrue(text.contains("'-cp' '/home/u/My Apps/streamdoctor.jar' 'io.streamdoctor.Main' \"$@\""), text);
    assertEquals(Path.of("/home/u/My Apps/streamdoctor.jar"), Launcher.jar(text).orElseThrow());
  }

  @Test
  void program_foreignScript_isEmpty() {
    assertTrue(Launcher.program("#!/bin/sh\npython3 host.py\n").isEmpty());
  }

  /**
   * Paths with cmd.exe's special characters, read back the way cmd.exe and the program read a
   * batch line. Before, only arguments with a space were quoted: {@code C:\Users\R&D} split the
   * line at {@code &}, and {@code %PATH%} in a folder name expanded.
   */
  @Test
  void windows_batch_specialCharactersInPaths_reachTheProgramUnchanged() {
    List<String> cmd = List.of("C:\\Users\\R&D\\jdk^1\\bin\\java.exe", "-Xmx48m", "-cp",
        "C:\\Users\\R&D\\%PATH%\\100%\\a!b|c<d>e\\streamdoctor.jar", "io.streamdoctor.Main", "C:\\dir\\");
    String text = Launcher.render(Os.WINDOWS, cmd, "C:\\Users\\R&D\\%TEMP%\\sd");
    String[] lines = text.split("\r\n");
    assertEquals("setlocal DisableDelayedExpansion", lines[1], text);
    assertEquals("set \"STREAMDOCTOR_HOME=C:\\Users\\R&D\\%%TEMP%%\\sd\"", lines[3], text);
    assertEquals(cmd, batchArgs(lines[4]));
    assertEquals(Path.of(cmd.get(0)), Launcher.program(text).orElseThrow());
    assertEquals(Path.of(cmd.get(3)), Launcher.jar(text).orElseThrow());
    assertThrows(IllegalArgumentException.class,
        () -> Launcher.render(Os.WINDOWS, List.of("C:\\a\"b\\java.exe"), null));
  }

  /**
   * How a batch line reaches the program: cmd.exe turns {@code %%} into {@code %} (a single
   * {@code %} would start a variable, failed here), treats {@code & | < > ^} outside double quotes
   * as operators (failed here), and passes the line on; the program splits it by the
   * CommandLineToArgvW rules (2n backslashes + quote: n backslashes and a quote toggle).
   */
  private static List<String> batchArgs(String line) {
    assertTrue(line.endsWith(" %*"), line);
    String body = line.substring(0, line.length() - 3);
    StringBuilder expanded = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '%') {
        assertTrue(i + 1 < body.length() && body.charAt(i + 1) == '%', "a lone % would expand: " + line);
        i++;
      }
      expanded.append(c);
    }
    List<String> args = new java.util.ArrayList<>();
    StringBuilder cur = null;
    boolean quoted = false;
    String s = expanded.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!quoted && "&|<>^".indexOf(c) >= 0) {
        throw new AssertionError("cmd.exe would take '" + c + "' as an operator: " + line);
      }
      if (c == ' ' && !quoted) {
        if (cur != null) {
          args.add(cur.toString());
          cur = null;
        }
        continue;
      }
      cur = cur == null ? new StringBuilder() : cur;
      if (c == '\\') {
        int n = 0;
        while (i < s.length() && s.charAt(i) == '\\') {
          n++;
          i++;
        }
        if (i < s.length() && s.charAt(i) == '"') {
          cur.append("\\".repeat(n / 2));
          if (n % 2 == 1) {
            cur.append('"');
            continue;
          }
        } else {
          cur.append("\\".repeat(n));
        }
        i--; // the next round reads the character after the backslashes (a quote toggles there)
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
        continue;
      }
      cur.append(c);
    }
    if (cur != null) {
      args.add(cur.toString());
    }
    return args;
  }
}
