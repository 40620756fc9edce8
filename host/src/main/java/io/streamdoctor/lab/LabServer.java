package io.streamdoctor.lab;

import io.streamdoctor.lab.dns.LabDnsServer;
import io.streamdoctor.lab.http.RawHttpServer;
import io.streamdoctor.lab.ws.LabWebSocketServer;
import io.streamdoctor.lab.ws.WsRelay;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * The chat simulator: the page and SSE endpoints on an HTTP port (and optionally an HTTPS port),
 * the WebSocket endpoint on its own port and relayed from the others. Start with {@link #start}.
 */
public final class LabServer implements AutoCloseable {
  /** How to start: address, ports (0 = ephemeral), HTTPS port or -1 for none, worker cap. */
  public record Options(InetAddress bind, int port, int wsPort, int httpsPort, int dnsPort,
      int maxWorkers) {
    public static Options loopback() {
      return new Options(InetAddress.getLoopbackAddress(), 0, 0, -1, -1, 64);
    }

    public Options withHttps(int p) {
      return new Options(bind, port, wsPort, p, dnsPort, maxWorkers);
    }

    public Options withDns(int p) {
      return new Options(bind, port, wsPort, httpsPort, p, maxWorkers);
    }
  }

  private final LabLog log = new LabLog();
  private final LabWebSocketServer ws;
  private final RawHttpServer http;
  private final RawHttpServer https;
  private final LabDnsServer dns;
  private final Blackhole blackhole;

  private LabServer(Options o) throws IOException, InterruptedException, GeneralSecurityException {
    LabWebSocketServer wsServer = new LabWebSocketServer(new InetSocketAddress(o.bind(), o.wsPort()), log);
    RawHttpServer plain = null;
    LabDnsServer dnsServer = null;
    try {
      dnsServer = o.dnsPort() < 0 ? null : new LabDnsServer(new InetSocketAddress(o.bind(), o.dnsPort()));
      int wsPort = wsServer.startAndWait();
      Blackhole hole = openBlackhole();
      int holePort = hole == null ? -1 : hole.port();
      WsRelay relay = new WsRelay(new InetSocketAddress(o.bind(), wsPort));
      int[] ports = new int[2];
      LabRoutes routes = new LabRoutes(log, relay, new LabRoutes.Ports(wsPort, holePort), dnsServer, () ->
          "{\"httpPort\":" + ports[0] + ",\"wsPort\":" + wsPort + ",\"httpsPort\":" + ports[1]
              + ",\"blackholePort\":" + holePort + "}");
      plain = new RawHttpServer(o.bind(), o.port(), null, o.maxWorkers(), routes);
      ports[0] = plain.port();
      RawHttpServer secure = null;
      if (o.httpsPort() >= 0) {
        SSLContext tls = SelfSignedTls.create();
        secure = new RawHttpServer(o.bind(), o.httpsPort(), tls, o.maxWorkers(), routes);
        ports[1] = secure.port();
      }
      this.ws = wsServer;
      this.http = plain;
      this.https = secure;
      this.dns = dnsServer;
      this.blackhole = hole;
    } catch (IOException | RuntimeException | GeneralSecurityException e) {
      if (plain != null) {
        plain.close();
      }
      if (dnsServer != null) {
        dnsServer.close();
      }
      wsServer.shutdown();
      throw e;
    }
  }

  /** The blackhole port for new connections, or null where the OS cannot play it (logged). */
  private static Blackhole openBlackhole() {
    try {
      return new Blackhole();
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(LabServer.class.getName()).warning("no blackhole port: " + e.getMessage());
      return null;
    }
  }

  public static LabServer start(Options o) throws IOException, InterruptedException {
    try {
      return new LabServer(o);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up the HTTPS listener: " + e.getMessage(), e);
    }
  }

  public int port() {
    return http.port();
  }

  public int wsPort() {
    return ws.getPort();
  }

  /** The HTTPS port, or -1 when there is no HTTPS listener. */
  public int httpsPort() {
    return https == null ? -1 : https.port();
  }

  /** The lab DNS server, or null when none was asked for. */
  public LabDnsServer dns() {
    return dns;
  }

  public LabLog log() {
    return log;
  }

  @Override
  public void close() {
    http.close();
    if (https != null) {
      https.close();
    }
    ws.shutdown();
    if (dns != null) {
      dns.close();
    }
    if (blackhole != null) {
      blackhole.close();
    }
  }
}
