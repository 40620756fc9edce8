package io.streamdoctor.probe;

import io.streamdoctor.config.Site;
import io.streamdoctor.config.LoopbackPolicy;
import io.streamdoctor.config.Targets;
import io.streamdoctor.dns.DnsProber;
import io.streamdoctor.dns.DohClient;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.evidence.WsProbe;
import io.streamdoctor.net.LazyHttp;
import io.streamdoctor.timeline.HostClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.X509TrustManager;

/**
 * The probes run right after a break and on "Check now": DNS, TCP, TLS, WebSocket upgrade and
 * the status page, all in parallel under one deadline. A probe still running at the deadline is
 * reported as a timeout; the future always completes by then.
 */
public final class PostMortem implements AutoCloseable {
  /** What the host grants a post-mortem: well under the popup's patience. */
  public static final long DEFAULT_DEADLINE_MS = 3_000;
  private static final int TCP_ATTEMPTS = 3;
  /** The DNS probe ends within this even when every resolver is dead (and the deadline is longer). */
  public static final int DNS_BUDGET_MS = 1800;

  private static final Logger LOG = Logger.getLogger(PostMortem.class.getName());

  private final Targets targets;
  private final HostClock clock;
  private final DnsProber dns;
  private final TcpProber tcp;
  private final TlsProber tls;
  private final WsProber ws;
  private final StatusPageProber status;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "streamdoctor-probe");
    t.setDaemon(true);
    return t;
  });

  public PostMortem(Targets configured, Supplier<List<String>> configuredResolvers, HostClock clock,
      X509TrustManager trust) {
    Targets targets = LoopbackPolicy.restrict(configured);
    Supplier<List<String>> osResolvers = LoopbackPolicy.restrict(configuredResolvers);
    this.targets = targets;
    this.clock = clock;
    this.dns = new DnsProber(targets, osResolvers, DohClient.standard(), clock);
    this.tcp = new TcpProber(targets, clock, TCP_ATTEMPTS);
    this.tls = new TlsProber(targets, clock, trust);
    this.ws = new WsProber(targets, clock);
    this.status = new StatusPageProber(new LazyHttp(StatusPageProber::defaultClient), clock);
  }

  /** The host a run for this site/host probes (the site's main host when {@code host} is null). */
  public String hostFor(String site, String host) {
    if (host != null || site == null) {
      return host;
    }
    return targets.siteFor(site, null).mainHost();
  }

  /** {@code site}: a site id or host (null: taken from {@code host}); {@code host}: null for the site's main host. */
  public CompletableFuture<List<Evidence>> run(String site, String host, Deadline deadline) {
    if (site == null && host == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    Site s = targets.siteFor(site, host);
    return run(s, host != null ? host : s.mainHost(), deadline);
  }

  /**
   * The probes for the URL a stream broke on: its host, port and scheme (a lab stream on
   * http://127.0.0.1:8719 is probed there, not on port 443), plus the site's status page.
   */
  public CompletableFuture<List<Evidence>> runForUrl(String site, String url, Deadline deadline) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException | NullPointerException e) {
      return run(site, null, deadline);
    }
    if (u.getHost() == null) {
      return run(site, null, deadline);
    }
    String scheme = u.getScheme() == null ? "https" : u.getScheme();
    boolean tls = scheme.equals("https") || scheme.equals("wss");
    int port = u.getPort() > 0 ? u.getPort() : (tls ? 443 : 80);
    Site known = targets.siteFor(site, u.getHost());
    // Never the stream's own URL: its id segments are hashed, so it no longer names a real path.
    String ws = known.hosts().contains(u.getHost()) ? known.wsUrl() : null;
    Site s = new Site(known.id(), List.of(u.getHost()), ws, known.statusUrl(), port, tls);
    return run(s, u.getHost(), deadline);
  }

  private CompletableFuture<List<Evidence>> run(Site s, String h, Deadline deadline) {
    double ts = clock.nowMs();
    long left = deadline.remainingMs();
    List<CompletableFuture<List<Evidence>>> parts = new ArrayList<>();
    if (h != null && !isIpLiteral(h)) {
      parts.add(dns.probe(h, Math.min(DNS_BUDGET_MS, deadline.budgetMs(150, 100))).thenApply(List::copyOf));
    }
    if (h != null && LoopbackPolicy.mayConnect(targets, h)) {
      int port = s.portOrDefault();
      parts.add(task(() -> tcp.probe(h, port, deadline), new TcpProbe(ts, h, port, 0, 0, null, "timeout"), left));
      if (s.usesTls()) {
        parts.add(task(() -> tls.probe(h, port, deadline), new TlsProbe(ts, h, "timeout", null, false, null), left));
      }
    }
    if (s.wsUrl() != null) {
      String wsHost = URI.create(s.wsUrl()).getHost();
      parts.add(task(() -> ws.probe(s.wsUrl(), deadline), new WsProbe(ts, wsHost, "timeout", null, null), left));
    }
    if (s.statusUrl() != null) {
      parts.add(task(() -> status.probe(s.id(), s.statusUrl(), deadline), new StatusPage(ts, s.id(), "unknown", List.of()), left));
    }
    List<CompletableFuture<List<Evidence>>> bounded = new ArrayList<>();
    for (CompletableFuture<List<Evidence>> p : parts) {
      bounded.add(p.completeOnTimeout(List.of(), left, TimeUnit.MILLISECONDS).exceptionally(t -> List.of()));
    }
    return CompletableFuture.allOf(bounded.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<Evidence> out = new ArrayList<>();
      bounded.forEach(b -> out.addAll(b.join()));
      return out;
    });
  }

  private <T extends Evidence> CompletableFuture<List<Evidence>> task(Supplier<T> probe, T onTimeout, long leftMs) {
    return CompletableFuture.supplyAsync(probe, pool)
        .completeOnTimeout(onTimeout, leftMs, TimeUnit.MILLISECONDS)
        .<List<Evidence>>thenApply(List::of)
        .exceptionally(t -> {
          // Probes convert every failure themselves; reaching this is a bug worth a stack trace.
          LOG.log(Level.WARNING, "probe crashed; reported as " + onTimeout, t);
          return List.of(onTimeout);
        });
  }

  /** An address needs no resolving: asking resolvers for "127.0.0.1" would only invent an NXDOMAIN. */
  static boolean isIpLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
