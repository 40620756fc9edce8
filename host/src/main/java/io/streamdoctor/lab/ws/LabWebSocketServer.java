package io.streamdoctor.lab.ws;

import io.streamdoctor.lab.FaultKind;
import io.streamdoctor.lab.FaultSpec;
import io.streamdoctor.lab.LabLog;
import io.streamdoctor.lab.Proto;
import io.streamdoctor.lab.Query;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket endpoint on its own port: Copilot-like on {@code /lab/ws/<id>?fault=…}, ChatGPT's
 * Web PubSub transport on {@code /client/hubs/<hub>?fault=…} ({@link WsDialect}).
 */
public final class LabWebSocketServer extends WebSocketServer {
  private static final Logger LOG = Logger.getLogger(LabWebSocketServer.class.getName());

  private final LabLog log;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startError;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "lab-ws-timer");
    t.setDaemon(true);
    return t;
  });

  public LabWebSocketServer(InetSocketAddress bind, LabLog log) {
    super(bind);
    this.log = log;
    setReuseAddr(true);
    setDaemon(true);
    // No pings: a stalled socket must stay byte-silent, as a stalled path is.
    setConnectionLostTimeout(0);
  }

  /** Starts and waits until the port is bound; returns the port. */
  public int startAndWait() throws InterruptedException {
    start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("WebSocket server did not start within 10 s");
    }
    if (startError != null) {
      throw new IllegalStateException("WebSocket server failed: " + startError.getMessage(), startError);
    }
    return getPort();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    Query q;
    FaultSpec spec;
    try {
      q = Query.parse(handshake.getResourceDescriptor());
      spec = FaultSpec.parse(q.params()).checkFor(Proto.WS);
    } catch (IllegalArgumentException e) {
      conn.close(1008, truncate(e.getMessage()));
      return;
    }
    String id = q.params().getOrDefault("id", q.lastSegment());
    LabLog.Entry entry = log.open(id, "ws", spec.name(), q.path());
    entry.status(101);
    conn.setAttachment(entry);
    if (spec.kind() == FaultKind.HTTP) {
      // Only the main port can answer an upgrade with a status (LabRoutes); here: policy close.
      conn.close(1008, "http faults are served on the main port");
      entry.end("ws_close_1008");
      return;
    }
    new WsPlay(conn, id, spec, entry, timer, WsDialect.forPath(q.path()));
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    LabLog.Entry entry = conn.getAttachment();
    if (entry != null) {
      entry.end(remote ? "client_closed_" + code : "closed_" + code);
    }
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    // the page sends its prompt: counted (a large prompt is a scenario), never read
    LabLog.Entry entry = conn.getAttachment();
    if (entry != null) {
      entry.addRequestBytes(message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      startError = ex; // the server itself failed (e.g. port taken)
      started.countDown();
      return;
    }
    LOG.log(Level.FINE, "websocket error", ex);
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  public void shutdown() {
    timer.shutdownNow();
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String truncate(String s) {
    // a close reason must fit in 123 bytes (RFC 6455 §5.5)
    return s.length() > 120 ? s.substring(0, 120) : s;
  }
}
