package io.streamdoctor.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A Java-WebSocket server on 127.0.0.1 that accepts every upgrade. */
public final class TestWsServer implements AutoCloseable {
  private final CountDownLatch started = new CountDownLatch(1);
  private final WebSocketServer server;

  public TestWsServer() throws InterruptedException {
    server = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
      @Override
      public void onOpen(WebSocket conn, ClientHandshake handshake) {}

      @Override
      public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

      @Override
      public void onMessage(WebSocket conn, String message) {}

      @Override
      public void onError(WebSocket conn, Exception ex) {}

      @Override
      public void onStart() {
        started.countDown();
      }
    };
    server.setReuseAddr(true);
    server.start();
    if (!started.await(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("WebSocket test server did not start");
    }
  }

  public String url() {
    return "ws://127.0.0.1:" + server.getPort() + "/c/api/chat";
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(1000);
  }
}
