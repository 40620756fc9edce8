package io.streamdoctor.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP port where new connections never complete: the path to a server that drops SYNs. A
 * listener with a backlog of 1 that never accepts, its accept queue filled by the lab's own
 * connections; Linux then drops every further SYN (tcp_conn_request: "if (sk_acceptq_is_full(sk))
 * goto drop"), so a client's connect stays pending and retries for ~2 minutes (tcp_syn_retries,
 * tcp(7)). Loopback only: the lab never opens it on another address.
 */
public final class Blackhole implements AutoCloseable {
  private static final int FILL_TIMEOUT_MS = 300;
  private static final int MAX_FILL = 8;

  private final ServerSocket listener;
  private final List<Socket> fillers = new ArrayList<>();

  public Blackhole() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    listener = new ServerSocket(0, 1, loopback);
    InetSocketAddress at = new InetSocketAddress(loopback, listener.getLocalPort());
    for (int i = 0; i < MAX_FILL; i++) {
      Socket s = new Socket();
      try {
        s.connect(at, FILL_TIMEOUT_MS);
        fillers.add(s);
      } catch (IOException full) {
        s.close(); // this connect hung: the queue is full, the port is a blackhole now
        return;
      }
    }
    close();
    throw new IOException("the accept queue never filled: this OS does not drop SYNs on a full backlog");
  }

  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() {
    for (Socket s : fillers) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
