package io.streamdoctor.lab.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTP/1.1 server: one request per connection, a bounded worker pool (a full pool answers
 * 503 at once instead of queueing), optional TLS layered over the accepted TCP socket so faults
 * can still reach the TCP layer underneath.
 */
public final class RawHttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RawHttpServer.class.getName());
  private static final int HEAD_TIMEOUT_MS = 30_000;

  private final ServerSocket listener;
  private final SSLContext tls;
  private final Handler handler;
  private final ThreadPoolExecutor workers;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  public RawHttpServer(InetAddress bind, int port, SSLContext tls, int maxWorkers, Handler handler)
      throws IOException {
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(bind, port), 128);
    this.tls = tls;
    this.handler = handler;
    this.workers = new ThreadPoolExecutor(0, maxWorkers, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "lab-http-worker");
          t.setDaemon(true);
          return t;
        });
    String name = (tls == null ? "lab-http-accept-" : "lab-https-accept-") + port();
    this.acceptor = new Thread(this::acceptLoop, name);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.log(Level.WARNING, "accept failed", e);
          pause(); // e.g. out of file descriptors: do not spin
        }
        continue;
      }
      open.add(s);
      try {
        workers.execute(() -> serve(s));
      } catch (RejectedExecutionException e) {
        busy(s);
      }
    }
  }

  private void serve(Socket raw) {
    Exchange ex = null;
    try {
      raw.setTcpNoDelay(true);
      raw.setSoTimeout(HEAD_TIMEOUT_MS);
      Socket io = raw;
      if (tls != null) {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
            .createSocket(raw, null, raw.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        io = ssl;
      }
      InputStream in = new BufferedInputStream(io.getInputStream());
      ex = new Exchange(raw, io, in);
      Request req;
      try {
        req = Request.read(in);
      } catch (Request.BadRequest e) {
        ex.respond(e.status(), "Bad Request", "text/plain; charset=utf-8",
            (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (req == null) {
        return;
      }
      raw.setSoTimeout(0);
      handler.handle(req, ex);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "exchange ended: " + e);
    } finally {
      if (ex != null) {
        ex.closeQuietly();
      } else {
        closeQuietly(raw);
      }
      open.remove(raw);
    }
  }

  private void busy(Socket s) {
    try {
      s.setSoLinger(true, 1);
      s.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
          + "Retry-After: 1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException ignored) {
      // the client is gone already
    } finally {
      closeQuietly(s);
      open.remove(s);
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    workers.shutdownNow();
    open.forEach(RawHttpServer::closeQuietly);
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // shutting down: nothing to report
    }
  }
}
