package io.streamdoctor.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny /bin/sh programs that behave like good and broken hosts. */
final class ScriptHosts {
  private ScriptHosts() {}

  /** A printf that writes one little-endian frame (the machines we test on are little-endian). */
  static String printfFrame(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    return String.format("printf '\\%03o\\%03o\\%03o\\%03o%%s' '%s'%n",
        n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff, json);
  }

  static Path write(Path dir, String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    FileOps.makeExecutable(p);
    return p;
  }

  static String hello() {
    return printfFrame("{\"v\":1,\"type\":\"hello\",\"protocol\":1,\"host\":\"9.9.9\"}") + "cat >/dev/null\n";
  }
}
