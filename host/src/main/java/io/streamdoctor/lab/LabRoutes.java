package io.streamdoctor.lab;

import io.streamdoctor.Json;
import io.streamdoctor.lab.dns.DnsRule;
import io.streamdoctor.lab.dns.LabDnsServer;
import io.streamdoctor.lab.http.Exchange;
import io.streamdoctor.lab.http.Handler;
import io.streamdoctor.lab.http.Request;
import io.streamdoctor.lab.stream.ChatGptSse;
import io.streamdoctor.lab.stream.ClaudeSse;
import io.streamdoctor.lab.stream.HttpErrors;
import io.streamdoctor.lab.stream.SseStreamer;
import io.streamdoctor.lab.ws.WsRelay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every path the lab serves on its main port: the chat page, the stream endpoints (under
 * {@code /lab/} and under the real sites' paths, for impersonation), the log and the config.
 */
public final class LabRoutes implements Handler {
  private static final Pattern CLAUDE_PATH =
      Pattern.compile("^/api/organizations/[^/]+/chat_conversations/[^/]+/(retry_)?completion$");
  private static final String PAGE = resource("page.html");
  private static final byte[] APP_JS = resource("app.js").getBytes(StandardCharsets.UTF_8);

  private final LabLog log;
  private final WsRelay relay;
  private final Supplier<String> config;
  private final Ports ports;
  private final LabDnsServer dns;
  private final SseStreamer chatgpt = new SseStreamer(new ChatGptSse());
  private final SseStreamer claude = new SseStreamer(new ClaudeSse());
  private final SecureRandom random = new SecureRandom();
  private final RateLimitWindows limits = RateLimitWindows.system();
  private static final long HANG_MS = 120_000;

  /** The lab's other ports the page needs: the WebSocket server and the blackhole (-1: none). */
  public record Ports(int ws, int blackhole) {}

  public LabRoutes(LabLog log, WsRelay relay, Ports ports, LabDnsServer dns, Supplier<String> config) {
    this.log = log;
    this.dns = dns;
    this.relay = relay;
    this.ports = ports;
    this.config = config;
  }

  @Override
  public void handle(Request req, Exchange ex) throws IOException, InterruptedException {
    Query q;
    try {
      q = Query.parse(req.target());
    } catch (IllegalArgumentException e) {
      text(ex, 400, e.getMessage());
      return;
    }
    String path = q.path();
    Proto proto = streamProto(path);
    if (proto != null) {
      stream(req, ex, q, proto);
      return;
    }
    switch (path) {
      case "/", "/index.html" -> page(ex, q);
      case "/lab/app.js" -> appJs(ex, q);
      case "/lab/log" -> {
        if (req.method().equals("DELETE")) {
          log.clear();
        }
        json(ex, 200, Json.MAPPER.writeValueAsString(log.json(q.params().get("id"))));
      }
      case "/lab/log/clear" -> {
        log.clear();
        json(ex, 200, "{\"cleared\":true}");
      }
      case "/lab/config" -> json(ex, 200, config.get());
      case "/lab/dns" -> dnsControl(ex, q);
      case "/lab/auth/session", "/api/auth/session" ->
          json(ex, 200, "{\"user\":{\"id\":\"lab-user\"},\"expires\":\"2099-01-01T00:00:00Z\"}");
      case "/favicon.ico" -> ex.respond(204, "No Content", "image/x-icon", new byte[0]);
      default -> text(ex, 404, "no such lab path: " + path);
    }
  }

  private void stream(Request req, Exchange ex, Query q, Proto proto)
      throws IOException, InterruptedException {
    FaultSpec spec;
    try {
      spec = FaultSpec.parse(q.params()).checkFor(proto);
    } catch (IllegalArgumentException e) {
      text(ex, 400, e.getMessage());
      return;
    }
    java.net.InetAddress client = ex.rawSocket().getInetAddress();
    int limited = q.params().isEmpty() ? limits.remainingS(client) : 0;
    if (limited > 0) {
      spec = FaultSpec.parse(java.util.Map.of("fault", "http429", "retry_after", String.valueOf(limited)));
    }
    FaultSpec answer = spec.kind() == FaultKind.SLOW_TTFT && spec.then() != null ? spec.then() : spec;
    if (answer.kind() == FaultKind.HTTP && answer.status() == 429) {
      limits.open(client, answer.retryAfterS());
    }
    String id = q.params().getOrDefault("id", q.lastSegment());
    if (proto == Proto.WS) {
      if (!req.isWebSocketUpgrade()) {
        text(ex, 426, "this path speaks WebSocket only");
        return;
      }
      FaultSpec f = spec.kind() == FaultKind.SLOW_TTFT && spec.then() != null ? spec.then() : spec;
      if (f.kind() == FaultKind.HTTP) {
        // The upgrade answered with a status: the browser sees only a failed WebSocket (1006).
        LabLog.Entry entry = log.open(id, proto.id(), spec.name(), q.path());
        entry.requestBytes(req.bodyBytes());
        if (spec.ttftMs() > 0 && !ex.holdSilently(spec.ttftMs()).equals("timeout")) {
          entry.end("client_gone");
          return;
        }
        HttpErrors.send(ex, new ChatGptSse(), f, entry);
        return;
      }
      relay.relay(req, ex);
      return;
    }
    LabLog.Entry entry = log.open(id, proto.id(), spec.name(), q.path());
    entry.requestBytes(req.bodyBytes());
    (proto == Proto.CLAUDE ? claude : chatgpt).play(ex, id, spec, entry);
  }

  /** {@code /lab/dns?set=NAME=RULE} and/or {@code &default=RULE} change the lab DNS at runtime. */
  private void dnsControl(Exchange ex, Query q) throws IOException {
    if (dns == null) {
      text(ex, 404, "no lab DNS server (start with --dns-port)");
      return;
    }
    try {
      String set = q.params().get("set");
      if (set != null) {
        var rule = DnsRule.parse(set);
        dns.rule(rule.getKey(), rule.getValue());
      }
      String dflt = q.params().get("default");
      if (dflt != null) {
        dns.fallback(DnsRule.parse("*=" + dflt).getValue());
      }
    } catch (IllegalArgumentException e) {
      text(ex, 400, e.getMessage());
      return;
    }
    json(ex, 200, "{\"port\":" + dns.port() + ",\"queries\":" + dns.queries() + "}");
  }

  static Proto streamProto(String path) {
    if (path.startsWith("/lab/sse/") || path.equals("/backend-api/conversation")
        || path.equals("/backend-api/f/conversation")) {
      return Proto.SSE;
    }
    if (path.startsWith("/lab/claude/") || CLAUDE_PATH.matcher(path).matches()) {
      return Proto.CLAUDE;
    }
    if (path.startsWith("/lab/ws/") || path.equals("/c/api/chat") || path.startsWith("/client/hubs/")) {
      return Proto.WS;
    }
    return null;
  }

  private void page(Exchange ex, Query q) throws IOException {
    // page_fault=script500 / script404: the app bundle fails; script_hang: it never arrives.
    // shell=1: the page ships a server-rendered shell, so a failed bundle leaves it looking
    // rendered but never initialised (docs/lab.md).
    String pageFault = q.params().getOrDefault("page_fault", "");
    String appQuery = pageFault.matches("script\\d{3}") ? "?fault=http" + pageFault.substring(6)
        : pageFault.equals("script_hang") ? "?fault=hang" : "";
    String shell = "1".equals(q.params().get("shell"))
        ? "<main id=\"shell\"><h1>StreamDoctor lab chat</h1><p>Loading…</p></main>" : "";
    String html = PAGE.replace("%APP_QUERY%", appQuery).replace("%WS_PORT%", Integer.toString(ports.ws()))
        .replace("%BLACKHOLE_PORT%", Integer.toString(ports.blackhole())).replace("%SHELL%", shell);
    String session = HexFormat.of().formatHex(random.generateSeed(8));
    ex.respond(200, "OK", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
        "Set-Cookie: sd_lab_session=" + session + "; Path=/; SameSite=Lax");
  }

  private void appJs(Exchange ex, Query q) throws IOException {
    String f = q.params().getOrDefault("fault", "");
    if (f.equals("hang")) {
      ex.holdSilently(HANG_MS); // the bundle never arrives: the page's parser waits for it
      return;
    }
    if (f.matches("http[45]\\d\\d")) {
      int status = Integer.parseInt(f.substring(4));
      text(ex, status, "lab: app bundle failed on purpose");
      return;
    }
    ex.respond(200, "OK", "text/javascript; charset=utf-8", APP_JS);
  }

  private static void text(Exchange ex, int status, String msg) throws IOException {
    ex.respond(status, HttpErrors.reason(status), "text/plain; charset=utf-8",
        (msg + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void json(Exchange ex, int status, String body) throws IOException {
    ex.respond(status, HttpErrors.reason(status), "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) {
    try (InputStream in = LabRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
