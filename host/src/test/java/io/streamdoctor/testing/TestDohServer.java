package io.streamdoctor.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * An RFC 8484 endpoint on 127.0.0.1 (plain HTTP: the transport is not what tests check) that
 * forwards each wire-format query to a {@link TestDnsServer} and returns its answer.
 */
public final class TestDohServer implements AutoCloseable {
  private final HttpServer http;
  private volatile int status = 200;

  public TestDohServer(TestDnsServer backend) throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int port = Integer.parseInt(backend.address().substring(backend.address().indexOf(':') + 1));
    http.createContext("/dns-query", ex -> {
      byte[] q = ex.getRequestBody().readAllBytes();
      if (status != 200 || !"application/dns-message".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
        ex.sendResponseHeaders(status != 200 ? status : 415, -1);
        ex.close();
        return;
      }
      try (DatagramSocket s = new DatagramSocket()) {
        s.setSoTimeout(5000);
        s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        byte[] a = Arrays.copyOf(buf, p.getLength());
        ex.getResponseHeaders().add("Content-Type", "application/dns-message");
        ex.sendResponseHeaders(200, a.length);
        ex.getResponseBody().write(a);
      } catch (IOException e) {
        ex.sendResponseHeaders(504, -1);
      }
      ex.close();
    });
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-doh");
      t.setDaemon(true);
      return t;
    }));
    http.start();
  }

  public TestDohServer status(int s) {
    this.status = s;
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/dns-query";
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
