package io.streamdoctor.platform;

import java.util.ArrayList;
import java.util.List;

/** resolv.conf(5): "nameserver ADDR" lines, comments start with '#' or ';'. */
public final class ResolvConfParser {
  private ResolvConfParser() {}

  public static List<String> nameservers(String text) {
    List<String> servers = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.replaceAll("[#;].*", "").trim();
      String[] f = line.split("\\s+");
      if (f.length >= 2 && f[0].equals("nameserver") && !servers.contains(f[1])) {
        // glibc reads "fe80::1%eth0"; the scope is not needed to name the server.
        servers.add(f[1]);
      }
    }
    return servers;
  }
}
