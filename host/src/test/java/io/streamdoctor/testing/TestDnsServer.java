package io.streamdoctor.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A real DNS server on 127.0.0.1 (UDP and TCP, the same ephemeral port) whose behaviour a test
 * sets: answer, NXDOMAIN, SERVFAIL, answer slowly, or stay silent. A and TXT questions are
 * answered from {@link #answers} and {@link #txt}.
 */
public final class TestDnsServer implements AutoCloseable {
  /** TRUNCATE_UDP: UDP answers carry only the TC bit, so a client must retry over TCP (RFC 7766). */
  public enum Mode { ANSWER, NXDOMAIN, SERVFAIL, SLOW, SILENT, TRUNCATE_UDP }

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final ScheduledExecutorService exec = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "test-dns");
    t.setDaemon(true);
    return t;
  });
  private volatile Mode mode = Mode.ANSWER;
  private volatile List<String> answers = List.of("104.18.32.47");
  private volatile String txt = "127.0.0.1";
  private volatile long slowMs = 3000;
  private volatile int queries;

  public TestDnsServer() throws IOException {
    // UDP and TCP must share one port number; the UDP port the kernel picks may be taken for TCP
    // by another test or process, so try a few ports before giving up.
    DatagramSocket u0 = null;
    ServerSocket t0 = null;
    IOException last = null;
    for (int attempt = 0; attempt < 20 && t0 == null; attempt++) {
      u0 = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try {
        t0 = new ServerSocket(u0.getLocalPort(), 16, InetAddress.getLoopbackAddress());
      } catch (java.net.BindException e) {
        last = e;
        u0.close();
      }
    }
    if (t0 == null) {
      throw last;
    }
    udp = u0;
    tcp = t0;
    Thread u = new Thread(this::udpLoop, "test-dns-udp");
    u.setDaemon(true);
    u.start();
    Thread t = new Thread(this::tcpLoop, "test-dns-tcp");
    t.setDaemon(true);
    t.start();
  }

  public TestDnsServer mode(Mode m) {
    this.mode = m;
    return this;
  }

  public TestDnsServer answers(String... ips) {
    this.answers = List.of(ips);
    return this;
  }

  public TestDnsServer txt(String value) {
    this.txt = value;
    return this;
  }

  public TestDnsServer slowMs(long ms) {
    this.slowMs = ms;
    return this;
  }

  public int queries() {
    return queries;
  }

  /** "127.0.0.1:PORT", the form Targets takes. */
  public String address() {
    return "127.0.0.1:" + udp.getLocalPort();
  }

  private void udpLoop() {
    byte[] buf = new byte[4096];
    while (!udp.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        udp.receive(p);
        byte[] req = java.util.Arrays.copyOf(p.getData(), p.getLength());
        InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
        respond(req, false, bytes -> udp.send(new DatagramPacket(bytes, bytes.length, from)));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tcpLoop() {
    while (!tcp.isClosed()) {
      try {
        Socket s = tcp.accept();
        exec.execute(() -> {
          try (s) {
            // RFC 7766 6.2.1: a client may pipeline several queries on one connection (dnsjava
            // sends the A and AAAA retries that way), so answer each until the client closes.
            s.setSoTimeout((int) Math.max(1000, slowMs + 500));
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
              int length;
              try {
                length = in.readUnsignedShort();
              } catch (java.io.EOFException e) {
                break;
              }
              byte[] req = new byte[length];
              in.readFully(req);
              respond(req, true, bytes -> {
                synchronized (out) {
                  out.writeShort(bytes.length);
                  out.write(bytes);
                  out.flush();
                }
              });
            }
          } catch (IOException e) {
            // The client gave up or went idle: fine for a test server.
          }
        });
      } catch (IOException e) {
        return;
      }
    }
  }

  private interface Sender {
    void send(byte[] bytes) throws IOException;
  }

  private volatile int tcpQueries;

  public int tcpQueries() {
    return tcpQueries;
  }

  private final java.util.Queue<String> names = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Every name asked so far (lower case, no trailing dot), in order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  private void respond(byte[] req, boolean overTcp, Sender sender) throws IOException {
    queries++;
    if (overTcp) {
      tcpQueries++;
    }
    Message q = new Message(req);
    if (q.getQuestion() != null) {
      names.add(q.getQuestion().getName().toString(true).toLowerCase(java.util.Locale.ROOT));
    }
    Mode m = mode;
    if (m == Mode.SILENT) {
      return;
    }
    Message built;
    if (m == Mode.TRUNCATE_UDP && !overTcp) {
      built = new Message(q.getHeader().getID());
      built.getHeader().setFlag(Flags.QR);
      built.getHeader().setFlag(Flags.TC);
      built.addRecord(q.getQuestion(), Section.QUESTION);
    } else {
      built = build(q, m == Mode.TRUNCATE_UDP ? Mode.ANSWER : m);
    }
    byte[] reply = built.toWire();
    if (m == Mode.SLOW) {
      exec.schedule(() -> {
        try {
          sender.send(reply);
        } catch (IOException e) {
          // Client gone.
        }
      }, slowMs, TimeUnit.MILLISECONDS);
    } else {
      sender.send(reply);
    }
  }

  private Message build(Message q, Mode m) throws IOException {
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.RA);
    Record question = q.getQuestion();
    r.addRecord(question, Section.QUESTION);
    if (m == Mode.NXDOMAIN) {
      r.getHeader().setRcode(Rcode.NXDOMAIN);
      return r;
    }
    if (m == Mode.SERVFAIL) {
      r.getHeader().setRcode(Rcode.SERVFAIL);
      return r;
    }
    Name name = question.getName();
    if (question.getType() == Type.A) {
      for (String ip : answers) {
        r.addRecord(new ARecord(name, DClass.IN, 60, InetAddress.getByName(ip)), Section.ANSWER);
      }
    } else if (question.getType() == Type.TXT) {
      r.addRecord(new TXTRecord(name, question.getDClass(), 0, txt), Section.ANSWER);
    }
    return r;
  }

  @Override
  public void close() {
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // closing anyway
    }
    exec.shutdownNow();
  }
}
