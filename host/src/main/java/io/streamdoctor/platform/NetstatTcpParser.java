package io.streamdoctor.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * macOS (BSD) {@code netstat -s -p tcp}: "tcp:" then lines such as "\t123456 packets sent" and
 * "\t\t789 data packets (1234 bytes) retransmitted". Counters wrap at 2^32 on old kernels; the
 * sampler treats a decrease as a reset.
 */
public final class NetstatTcpParser {
  private static final Pattern SENT = Pattern.compile("^\\s*(\\d+) packets? sent\\s*$");
  private static final Pattern RETRANS =
      Pattern.compile("^\\s*(\\d+) data packets? \\(\\d+ bytes?\\) retransmitted\\s*$");

  private NetstatTcpParser() {}

  public static Optional<TcpCounters> parse(String output) {
    Long sent = null;
    Long retrans = null;
    for (String line : output.split("\n")) {
      Matcher m = SENT.matcher(line);
      if (sent == null && m.matches()) {
        sent = Long.parseLong(m.group(1));
      }
      Matcher r = RETRANS.matcher(line);
      if (retrans == null && r.matches()) {
        retrans = Long.parseLong(r.group(1));
      }
    }
    return sent == null || retrans == null ? Optional.empty() : Optional.of(new TcpCounters(sent, retrans));
  }
}
