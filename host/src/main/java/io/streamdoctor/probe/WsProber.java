package io.streamdoctor.probe;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.WsProbe;
import io.streamdoctor.timeline.HostClock;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A WebSocket upgrade (RFC 6455 section 4.1) with Java-WebSocket, closed right after the 101. The
 * browser hides why an upgrade failed (it reports only ERR_FAILED and close 1006, see the lab
 * notes), so the HTTP status the server answered instead of 101 is the evidence we want.
 */
public final class WsProber {
  private static final Pattern STATUS = Pattern.compile("Invalid status code received: (\\d{3})");

  private final Targets targets;
  private final HostClock clock;

  public WsProber(Targets targets, HostClock clock) {
    this.targets = targets;
    this.clock = clock;
  }

  /**
   * Java-WebSocket rejects a non-101 status line before the draft sees the response, reporting
   * only "Invalid status code received: 429 Status line: HTTP/1.1 429 ..." (Draft.java).
   */
  static void statusFromMessage(String message, AtomicInteger status) {
    if (message != null && status.get() == 0) {
      Matcher m = STATUS.matcher(message);
      if (m.find()) {
        status.set(Integer.parseInt(m.group(1)));
      }
    }
  }

  public WsProbe probe(String url, Deadline deadline) {
    double ts = clock.nowMs();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new WsProbe(ts, url, "error", null, null);
    }
    String host = uri.getHost();
    AtomicInteger status = new AtomicInteger();
    AtomicReference<Throwable> error = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    long start = System.nanoTime();
    int timeout = deadline.budgetMs(30, 50);
    WebSocketClient client = new WebSocketClient(uri, new Draft_6455(), null, timeout) {
      @Override
      public void onOpen(ServerHandshake h) {
        done.countDown();
      }

      @Override
      public void onMessage(String message) {}

      @Override
      public void onMessage(ByteBuffer bytes) {}

      @Override
      public void onClose(int code, String reason, boolean remote) {
        statusFromMessage(reason, status);
        done.countDown();
      }

      @Override
      public void onError(Exception ex) {
        statusFromMessage(ex.getMessage(), status);
        error.compareAndSet(null, ex);
        done.countDown();
      }
    };
    try {
      client.setDnsResolver(u -> ConnectTarget.of(targets, u.getHost(), 0).getAddress());
      if ("wss".equals(uri.getScheme())) {
        client.setSocketFactory(SSLContext.getDefault().getSocketFactory());
      }
      client.connect();
      boolean finished = done.await(timeout, TimeUnit.MILLISECONDS);
      double ms = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
      if (client.isOpen()) {
        return new WsProbe(ts, host, "ok", 101, ms);
      }
      if (status.get() != 0 && status.get() != 101) {
        return new WsProbe(ts, host, "rejected", status.get(), ms);
      }
      if (!finished) {
        return new WsProbe(ts, host, "timeout", null, null);
      }
      Throwable t = error.get();
      return new WsProbe(ts, host, t == null ? "error" : ProbeFailure.classify(t).word(), null, null);
    } catch (Exception e) {
      return new WsProbe(ts, host, ProbeFailure.classify(e).word(), null, null);
    } finally {
      // Asynchronous: the close handshake (or the failed connect) finishes on the client's own thread.
      client.close();
    }
  }
}
