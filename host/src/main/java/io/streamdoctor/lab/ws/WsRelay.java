package io.streamdoctor.lab.ws;

import io.streamdoctor.lab.http.Exchange;
import io.streamdoctor.lab.http.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Carries a WebSocket upgrade that arrived on the main (page) port over to the WebSocket server,
 * byte for byte, so the page needs one origin only: under {@code --host-resolver-rules} one host
 * maps to one port. How the WebSocket server ends the TCP connection (FIN or RST) is mirrored.
 */
public final class WsRelay {
  /** How long the client may take to close its side after the server closed (its Close reply). */
  private static final long DRAIN_MS = 2000;
  private final InetSocketAddress wsServer;

  public WsRelay(InetSocketAddress wsServer) {
    this.wsServer = wsServer;
  }

  public void relay(Request req, Exchange client) throws IOException {
    try (Socket up = new Socket()) {
      up.connect(wsServer, 5000);
      up.setTcpNoDelay(true);
      OutputStream upOut = up.getOutputStream();
      upOut.write(req.rawHead());
      upOut.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      upOut.flush();
      Thread clientToServer = new Thread(() -> copyUp(client.input(), upOut, up), "lab-ws-relay-up");
      clientToServer.setDaemon(true);
      clientToServer.start();
      if (copyDown(up.getInputStream(), client)) {
        client.rst();
        return;
      }
      // Half-close, as a TCP proxy does: FIN to the client, then keep reading what it still sends
      // (its Close reply) until it closes too, within a bound. Closing with its bytes unread would
      // make Linux answer them with a RST (tcp(7)), and a RST can drop the Close frame the client
      // has not read yet: a clean 1000/1011/1013 became 1006 under load.
      try {
        client.rawSocket().shutdownOutput();
      } catch (IOException e) {
        // the client is gone already
      }
      try {
        clientToServer.join(DRAIN_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      client.fin();
    }
  }

  /** Client to server. After the server is gone, the client's bytes are still read, and dropped. */
  private static void copyUp(InputStream from, OutputStream to, Socket up) {
    byte[] buf = new byte[8192];
    boolean upOpen = true;
    try {
      int n;
      while ((n = from.read(buf)) >= 0) {
        if (upOpen) {
          try {
            to.write(buf, 0, n);
            to.flush();
          } catch (IOException e) {
            upOpen = false;
            closeQuietly(up);
          }
        }
      }
      if (upOpen) {
        up.shutdownOutput();
      }
    } catch (IOException e) {
      closeQuietly(up);
    }
  }

  /** Server to client. Returns true when the server reset the connection (the rst fault). */
  private static boolean copyDown(InputStream from, Exchange client) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = from.read(buf)) >= 0) {
        client.write(Arrays.copyOf(buf, n));
      }
      return false;
    } catch (SocketException e) {
      return String.valueOf(e.getMessage()).toLowerCase().contains("reset");
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // both ends are going away
    }
  }
}
