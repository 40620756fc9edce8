package io.streamdoctor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Small loopback servers that behave badly on purpose: accept-and-reset, accept-and-stall, TLS. */
public final class TestTcpServers implements AutoCloseable {
  public enum Behavior { TLS, RESET, STALL }

  private final ServerSocket server;
  private final List<Socket> held = new ArrayList<>();

  public TestTcpServers(Behavior b) throws Exception {
    server = b == Behavior.TLS
        ? TestTls.serverContext().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress())
        : new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    if (server instanceof SSLServerSocket) {
      ((SSLServerSocket) server).setNeedClientAuth(false);
    }
    Thread t = new Thread(() -> loop(b), "test-tcp-" + b);
    t.setDaemon(true);
    t.start();
  }

  /** A port nothing listens on (bound, then closed). */
  public static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  private void loop(Behavior b) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        switch (b) {
          case RESET -> {
            // Wait for the ClientHello, then RST (SO_LINGER 0): what an SNI filter does.
            s.getInputStream().read();
            s.setSoLinger(true, 0);
            s.close();
          }
          case STALL -> {
            synchronized (held) {
              held.add(s);
            }
          }
          case TLS -> new Thread(() -> {
            try (s) {
              ((SSLSocket) s).startHandshake();
              s.getInputStream().read();
            } catch (IOException e) {
              // Probe closed: expected.
            }
          }).start();
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
