package io.streamdoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.net.LazyHttp;
import io.streamdoctor.timeline.HostClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A site's Statuspage v2 {@code summary.json}: {@code status.indicator} (none, minor, major,
 * critical) and the components not "operational". Status pages move between platforms, so a
 * redirect, an HTML page, bad JSON, an error status or a timeout is "unknown" — never an incident.
 * Answers are cached {@value #CACHE_MS} ms: a burst of breaks must not hammer the page.
 */
public final class StatusPageProber {
  static final double CACHE_MS = 60_000;
  private static final Set<String> INDICATORS = Set.of("none", "minor", "major", "critical");

  private record Cached(double at, String indicator, List<String> affected) {}

  private final Supplier<HttpClient> http;
  private final HostClock clock;
  private final Map<String, Cached> cache = new HashMap<>();

  public StatusPageProber(HttpClient http, HostClock clock) {
    this(() -> http, clock);
  }

  /** With a {@link LazyHttp}, the client is built at the first status-page fetch. */
  public StatusPageProber(Supplier<HttpClient> http, HostClock clock) {
    this.http = http;
    this.clock = clock;
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  public StatusPage probe(String site, String url, Deadline deadline) {
    double now = clock.nowMs();
    synchronized (cache) {
      Cached c = cache.get(url);
      if (c != null && now - c.at() < CACHE_MS) {
        return new StatusPage(now, site, c.indicator(), c.affected());
      }
    }
    Cached fresh = fetch(url, deadline);
    // Only real answers are cached: an "unknown" (timeout) is retried on the next break.
    if (!fresh.indicator().equals("unknown")) {
      synchronized (cache) {
        cache.put(url, fresh);
      }
    }
    return new StatusPage(now, site, fresh.indicator(), fresh.affected());
  }

  private Cached fetch(String url, Deadline deadline) {
    double now = clock.nowMs();
    HttpResponse<String> resp;
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofMillis(deadline.budgetMs(20, 50)))
          .header("Accept", "application/json")
          .GET().build();
      resp = http.get().send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unknown(now);
    } catch (Exception e) {
      return unknown(now);
    }
    String type = resp.headers().firstValue("Content-Type").orElse("");
    if (resp.statusCode() != 200 || !type.toLowerCase().contains("json")) {
      return unknown(now);
    }
    return parse(resp.body(), now);
  }

  static Cached parse(String body, double now) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (Exception e) {
      return unknown(now);
    }
    String indicator = root.path("status").path("indicator").asText("");
    if (!INDICATORS.contains(indicator)) {
      return unknown(now);
    }
    List<String> affected = new ArrayList<>();
    for (JsonNode c : root.path("components")) {
      String st = c.path("status").asText("operational");
      // Group headers repeat their children's state; count leaf components only.
      if (!st.equals("operational") && !c.path("group").asBoolean(false) && affected.size() < 20) {
        affected.add(c.path("name").asText("?") + ": " + st);
      }
    }
    return new Cached(now, indicator, affected);
  }

  private static Cached unknown(double now) {
    return new Cached(now, "unknown", List.of());
  }
}
