package io.streamdoctor.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One DNS query over UDP (TCP on truncation, as dnsjava does) with our own short timeout: the
 * dnsjava default of 10 s would blow the probe's deadline. Never throws; failures come back as a
 * {@link DnsAnswer} with outcome timeout/error.
 */
public final class DnsQuery {
  private DnsQuery() {}

  public static Message question(String name, int type, int dclass) throws TextParseException {
    String fqdn = name.endsWith(".") ? name : name + ".";
    return Message.newQuery(Record.newRecord(Name.fromString(fqdn), type, dclass));
  }

  public static CompletableFuture<DnsAnswer> udp(InetSocketAddress server, String name, int type, int dclass, long timeoutMs) {
    long start = System.nanoTime();
    Message q;
    try {
      q = question(name, type, dclass);
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(DnsAnswer.failed("error", 0, "bad name: " + e.getMessage()));
    }
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(Duration.ofMillis(Math.max(1, timeoutMs)));
    CompletableFuture<Message> f;
    try {
      f = r.sendAsync(q).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(DnsFailures.fromThrowable(e, ms(start)));
    }
    // Our own bound as well: a library that forgets its timer must not hold the probe.
    return f.orTimeout(timeoutMs + 50, TimeUnit.MILLISECONDS)
        .handle((m, t) -> t != null ? DnsFailures.fromThrowable(t, ms(start)) : answer(m, ms(start)));
  }

  static DnsAnswer answer(Message m, double latencyMs) {
    List<String> values = new ArrayList<>();
    for (Record rec : m.getSection(Section.ANSWER)) {
      if (rec instanceof ARecord a) {
        values.add(a.getAddress().getHostAddress());
      } else if (rec instanceof AAAARecord a) {
        values.add(a.getAddress().getHostAddress());
      } else if (rec instanceof TXTRecord t) {
        values.add(String.join(" ", t.getStrings()));
      }
    }
    int rcode = m.getRcode();
    return new DnsAnswer(DnsFailures.outcomeOf(rcode), DnsFailures.rcodeName(rcode), values, latencyMs, null);
  }

  static DnsAnswer parseWire(byte[] wire, double latencyMs) {
    try {
      return answer(new Message(wire), latencyMs);
    } catch (IOException e) {
      return DnsAnswer.failed("error", latencyMs, "malformed DNS response: " + e.getMessage());
    }
  }

  static double ms(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 100_000.0) / 10.0;
  }

  static int dclass(String name) {
    return "CH".equalsIgnoreCase(name) ? DClass.CH : DClass.IN;
  }

  static final int A = Type.A;
  static final int TXT = Type.TXT;
}
