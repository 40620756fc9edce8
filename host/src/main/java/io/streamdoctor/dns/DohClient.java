package io.streamdoctor.dns;

import io.streamdoctor.net.LazyHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;

/**
 * DNS over HTTPS, RFC 8484: POST the wire-format query as application/dns-message (section 4.1),
 * the message id set to 0 for cache friendliness. Built on the JDK HTTP client because dnsjava's
 * DohResolver is marked a proof of concept.
 */
public final class DohClient {
  private final Supplier<HttpClient> http;

  public DohClient(HttpClient http) {
    this.http = () -> http;
  }

  private DohClient(Supplier<HttpClient> http) {
    this.http = http;
  }

  /** The client is built at the first query: most host sessions never make one. */
  public static DohClient standard() {
    return new DohClient(new LazyHttp(() -> HttpClient.newBuilder()
        .connectTimeout(Duration.ofMillis(1500))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()));
  }

  public CompletableFuture<DnsAnswer> query(String url, String name, int type, long timeoutMs) {
    long start = System.nanoTime();
    byte[] wire;
    HttpRequest req;
    try {
      Message q = DnsQuery.question(name, type, DClass.IN);
      q.getHeader().setID(0);
      wire = q.toWire();
      req = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofMillis(Math.max(1, timeoutMs)))
          .header("Content-Type", "application/dns-message")
          .header("Accept", "application/dns-message")
          .POST(HttpRequest.BodyPublishers.ofByteArray(wire))
          .build();
    } catch (Exception e) {
      return CompletableFuture.completedFuture(DnsAnswer.failed("error", 0, "bad DoH request: " + e.getMessage()));
    }
    return http.get().sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
        .orTimeout(timeoutMs + 50, TimeUnit.MILLISECONDS)
        .handle((resp, t) -> {
          if (t != null) {
            return DnsFailures.fromThrowable(t, DnsQuery.ms(start));
          }
          if (resp.statusCode() != 200) {
            return new DnsAnswer("error", "HTTP " + resp.statusCode(), java.util.List.of(), DnsQuery.ms(start),
                "DoH server answered HTTP " + resp.statusCode());
          }
          return DnsQuery.parseWire(resp.body(), DnsQuery.ms(start));
        });
  }
}
