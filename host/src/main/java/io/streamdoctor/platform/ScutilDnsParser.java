package io.streamdoctor.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * macOS {@code scutil --dns}: the resolver configuration. Only "resolver #N" blocks of the first
 * section ("DNS configuration", before "DNS configuration (for scoped queries)") without a
 * "domain" line are the default resolvers; their "nameserver[i] : ADDR" lines are the servers.
 */
public final class ScutilDnsParser {
  private ScutilDnsParser() {}

  public static List<String> nameservers(String output) {
    List<String> servers = new ArrayList<>();
    List<String> block = new ArrayList<>();
    boolean scoped = false;
    boolean hasDomain = false;
    for (String raw : (output + "\nresolver #end").split("\n")) {
      String line = raw.trim();
      if (line.startsWith("DNS configuration (for scoped")) {
        scoped = true;
      }
      if (line.startsWith("resolver #") || line.startsWith("DNS configuration")) {
        if (!hasDomain) {
          block.stream().filter(s -> !servers.contains(s)).forEach(servers::add);
        }
        block.clear();
        hasDomain = false;
        if (scoped) {
          break;
        }
      } else if (line.startsWith("domain") && line.contains(" : ")) {
        hasDomain = true;
      } else if (line.startsWith("nameserver[")) {
        block.add(line.substring(line.indexOf(" : ") + 3).trim());
      }
    }
    return servers;
  }
}
