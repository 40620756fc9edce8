package io.streamdoctor.lab.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative-only DNS server over UDP (RFC 1035 §4) for namespace scenarios: names get
 * the rule set for them, every other name gets the default rule (NXDOMAIN unless changed), so a
 * browser pointed at it never learns a real address. Rules change at runtime.
 */
public final class LabDnsServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LabDnsServer.class.getName());
  private static final long TTL = 5;

  private final DatagramSocket socket;
  private final Map<String, DnsRule> rules = new ConcurrentHashMap<>();
  private final AtomicReference<DnsRule> fallback =
      new AtomicReference<>(DnsRule.of(DnsRule.Action.NXDOMAIN));
  private final AtomicLong queries = new AtomicLong();
  private final Thread loop;

  public LabDnsServer(InetSocketAddress bind) throws IOException {
    socket = new DatagramSocket(bind);
    loop = new Thread(this::serve, "lab-dns");
    loop.setDaemon(true);
    loop.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public long queries() {
    return queries.get();
  }

  public void rule(String name, DnsRule rule) {
    rules.put(DnsRule.normalise(name), rule);
  }

  /** What every name without its own rule gets (DROP = a dead resolver). */
  public void fallback(DnsRule rule) {
    fallback.set(rule);
  }

  private void serve() {
    byte[] buf = new byte[1500];
    while (!socket.isClosed()) {
      DatagramPacket in = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(in);
        queries.incrementAndGet();
        byte[] reply = answer(java.util.Arrays.copyOf(in.getData(), in.getLength()));
        if (reply != null) {
          socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
        }
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.FINE, "dns packet failed", e);
        }
      }
    }
  }

  /** The reply for one query, or null for none (a dead resolver, or a packet that is not a query). */
  byte[] answer(byte[] query) {
    Message q;
    try {
      q = new Message(query);
    } catch (IOException e) {
      return null;
    }
    Record question = q.getQuestion();
    if (question == null || q.getHeader().getFlag(Flags.QR)) {
      return null;
    }
    DnsRule rule = rules.getOrDefault(DnsRule.normalise(question.getName().toString()), fallback.get());
    if (rule.action() == DnsRule.Action.DROP) {
      return null;
    }
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.AA);
    if (q.getHeader().getFlag(Flags.RD)) {
      r.getHeader().setFlag(Flags.RD);
      r.getHeader().setFlag(Flags.RA);
    }
    r.addRecord(question, Section.QUESTION);
    switch (rule.action()) {
      case NXDOMAIN -> r.getHeader().setRcode(Rcode.NXDOMAIN);
      case SERVFAIL -> r.getHeader().setRcode(Rcode.SERVFAIL);
      default -> addAnswer(r, question.getName(), question.getType(), rule);
    }
    return r.toWire(512);
  }

  /** A or AAAA when the address family matches the question; otherwise NOERROR with no data. */
  private static void addAnswer(Message r, Name name, int type, DnsRule rule) {
    if (type == Type.A && rule.address() instanceof Inet4Address a) {
      r.addRecord(new ARecord(name, DClass.IN, TTL, a), Section.ANSWER);
    } else if (type == Type.AAAA && rule.address() instanceof Inet6Address a) {
      r.addRecord(new AAAARecord(name, DClass.IN, TTL, a), Section.ANSWER);
    }
  }

  @Override
  public void close() {
    socket.close();
    try {
      loop.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
