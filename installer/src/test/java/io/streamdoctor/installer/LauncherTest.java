package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
