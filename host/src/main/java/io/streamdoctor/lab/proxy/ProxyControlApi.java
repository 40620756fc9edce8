package io.streamdoctor.lab.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamdoctor.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runtime control of a {@link FaultProxy} over HTTP (JDK server, two threads):
 * {@code GET /toxics}, {@code POST /toxics} with a JSON patch such as {@code {"latencyMs":200}},
 * {@code DELETE /toxics} to clear them, {@code GET /stats}.
 */
public final class ProxyControlApi implements AutoCloseable {
  private static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "lab-proxy-control");
    t.setDaemon(true);
    return t;
  });
  private final FaultProxy proxy;

  public ProxyControlApi(InetSocketAddress listen, FaultProxy proxy) throws IOException {
    this.proxy = proxy;
    this.server = HttpServer.create(listen, 16);
    server.setExecutor(threads);
    server.createContext("/toxics", this::toxics);
    server.createContext("/stats", this::stats);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void toxics(HttpExchange ex) throws IOException {
    try {
      switch (ex.getRequestMethod()) {
        case "GET" -> { }
        case "POST", "PUT", "PATCH" -> proxy.setToxics(proxy.toxics().merge(readJson(ex)));
        case "DELETE" -> proxy.setToxics(Toxics.NONE);
        default -> {
          reply(ex, 405, "{\"error\":\"use GET, POST or DELETE\"}");
          return;
        }
      }
      reply(ex, 200, proxy.toxics().json().toString());
    } catch (IllegalArgumentException e) {
      ObjectNode err = Json.MAPPER.createObjectNode().put("error", e.getMessage());
      reply(ex, 400, err.toString());
    }
  }

  private void stats(HttpExchange ex) throws IOException {
    ObjectNode o = Json.MAPPER.createObjectNode()
        .put("active", proxy.activeConnections())
        .put("total", proxy.totalConnections())
        .put("upstream", proxy.upstream().getHostString() + ":" + proxy.upstream().getPort());
    reply(ex, 200, o.toString());
  }

  private static JsonNode readJson(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
      }
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalArgumentException("body is not JSON");
      }
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
