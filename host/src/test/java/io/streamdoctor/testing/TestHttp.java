package io.streamdoctor.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-route HTTP server on 127.0.0.1 answering a fixed status, type and body (after a delay). */
public final class TestHttp implements AutoCloseable {
  private final HttpServer http;
  private final AtomicInteger hits = new AtomicInteger();
  private volatile int status = 200;
  private volatile String type = "application/json";
  private volatile String body = "{}";
  private volatile long delayMs;
  private volatile String location;

  public TestHttp() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      hits.incrementAndGet();
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", type);
      if (location != null) {
        ex.getResponseHeaders().add("Location", location);
      }
      ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        ex.getResponseBody().write(b);
      }
      ex.close();
    });
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-http");
      t.setDaemon(true);
      return t;
    }));
    http.start();
  }

  public TestHttp answer(int status, String type, String body) {
    this.status = status;
    this.type = type;
    this.body = body;
    return this;
  }

  public TestHttp delay(long ms) {
    this.delayMs = ms;
    return this;
  }

  public TestHttp location(String l) {
    this.location = l;
    return this;
  }

  public int hits() {
    return hits.get();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
