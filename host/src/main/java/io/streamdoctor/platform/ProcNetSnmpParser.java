package io.streamdoctor.platform;

import java.util.Optional;

/**
 * Linux {@code /proc/net/snmp}: pairs of lines, a header "Tcp: RtoAlgorithm RtoMin ... OutSegs
 * RetransSegs ..." and the values "Tcp: 1 200 ...". Columns are found by name because their order
 * is not an ABI promise.
 */
public final class ProcNetSnmpParser {
  private ProcNetSnmpParser() {}

  public static Optional<TcpCounters> parse(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("Tcp:") && lines[i + 1].startsWith("Tcp:")) {
        String[] names = lines[i].trim().split("\\s+");
        String[] values = lines[i + 1].trim().split("\\s+");
        int out = indexOf(names, "OutSegs");
        int re = indexOf(names, "RetransSegs");
        if (out < 0 || re < 0 || values.length != names.length) {
          return Optional.empty();
        }
        try {
          return Optional.of(new TcpCounters(Long.parseLong(values[out]), Long.parseLong(values[re])));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
