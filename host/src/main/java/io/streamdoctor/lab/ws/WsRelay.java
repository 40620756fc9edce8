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
      copyDown(up.getInputStream(), client);
      clientToServer.interrupt();
    }
  }

  private static void copyUp(InputStream from, OutputStream to, Socket up) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = from.read(buf)) >= 0) {
        to.write(buf, 0, n);
        to.flush();
      }
      up.shutdownOutput();
    } catch (IOException e) {
      try {
        up.close();
      } catch (IOException ignored) {
        // both ends are going away
      }
    }
  }

  private static void copyDown(InputStream from, Exchange client) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = from.read(buf)) >= 0) {
        client.write(Arrays.copyOf(buf, n));
      }
      client.fin();
    } catch (SocketException e) {
      // "Connection reset" from the WebSocket server is passed on as a reset
      if (String.valueOf(e.getMessage()).toLowerCase().contains("reset")) {
        client.rst();
      } else {
        client.fin();
      }
    } catch (IOException e) {
      client.fin();
    }
  }
}
