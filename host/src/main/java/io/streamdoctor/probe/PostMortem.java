package io.streamdoctor.probe;

import io.streamdoctor.config.Site;
import io.streamdoctor.config.LoopbackPolicy;
import io.streamdoctor.config.ProbeTarget;
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
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  /** Probe threads at most: one run needs four (resolve, TCP, TLS, WebSocket/status page). */
  static final int POOL_THREADS = 8;
  /** Probe tasks waiting for a thread at most; beyond, a task is shed (counted, reported as a timeout). */
  static final int POOL_QUEUE = 64;

  private final ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(POOL_QUEUE), r -> {
        Thread t = new Thread(r, "streamdoctor-probe");
        t.setDaemon(true);
        return t;
      });
  private final AtomicLong shed = new AtomicLong();

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
    pool.allowCoreThreadTimeOut(true);
  }

  /** Probe tasks shed because the pool was full, since start. */
  public long shed() {
    return shed.get();
  }

  /**
   * For the local user only ({@code streamdoctor doctor --site HOST}): a site id or any host the
   * user typed. Requests from the browser go through {@link #run(ProbeTarget, Deadline)}.
   */
  public CompletableFuture<List<Evidence>> run(String site, String host, Deadline deadline) {
    if (site == null && host == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    Site s = targets.siteFor(site, host);
    String h = host != null ? host : s.mainHost();
    return run(new ProbeTarget(s, h, s.portOrDefault(), s.usesTls()), deadline);
  }

  /**
   * The probes for one configured target ({@link io.streamdoctor.config.SiteScope}): DNS for its
   * name, TCP (and TLS) to the one address that name resolved to, the site's WebSocket URL and
   * status page. Never the stream's own URL: the page chose that.
   */
  public CompletableFuture<List<Evidence>> run(ProbeTarget target, Deadline deadline) {
    Site s = target.site();
    String h = target.host();
    double ts = clock.nowMs();
    long left = deadline.remainingMs();
    List<CompletableFuture<List<Evidence>>> parts = new ArrayList<>();
    if (h != null && !isIpLiteral(h)) {
      parts.add(dns.probe(h, Math.min(DNS_BUDGET_MS, deadline.budgetMs(150, 100))).thenApply(List::copyOf));
    }
    if (h != null && LoopbackPolicy.mayConnect(targets, h)) {
      parts.add(connectProbes(target, ts, deadline));
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

  /**
   * Resolves the host once, checks the address ({@link AddressFence}), then runs TCP and TLS
   * against that very address: a second lookup could answer differently (DNS rebinding).
   */
  private CompletableFuture<List<Evidence>> connectProbes(ProbeTarget t, double ts, Deadline deadline) {
    String h = t.host();
    int port = t.port();
    long left = deadline.remainingMs();
    TcpProbe tcpTimeout = new TcpProbe(ts, h, port, 0, 0, null, "timeout");
    TlsProbe tlsTimeout = new TlsProbe(ts, h, "timeout", null, false, null);
    return task(() -> {
      try {
        return ConnectTarget.of(targets, h, port);
      } catch (java.io.IOException | IllegalArgumentException e) {
        return e;
      }
    }, left).thenCompose(resolved -> {
      if (resolved == null) { // the lookup outlived the deadline, or the pool shed it
        return CompletableFuture.completedFuture(t.tls() ? List.<Evidence>of(tcpTimeout, tlsTimeout) : List.<Evidence>of(tcpTimeout));
      }
      if (resolved instanceof Exception e) {
        List<Evidence> failed = new ArrayList<>(List.of(tcp.failed(h, port, e)));
        if (t.tls()) {
          failed.add(tls.failed(h, e));
        }
        return CompletableFuture.completedFuture(failed);
      }
      InetSocketAddress addr = (InetSocketAddress) resolved;
      if (addr.getAddress() == null || !AddressFence.allows(addr.getAddress(), true)) {
        LOG.info("no connect probes: " + h + " resolved to an address no probe may reach ("
            + (addr.getAddress() == null ? "none" : AddressFence.classify(addr.getAddress())) + ")");
        return CompletableFuture.completedFuture(List.<Evidence>of());
      }
      List<CompletableFuture<List<Evidence>>> both = new ArrayList<>();
      both.add(task(() -> tcp.probe(h, addr, deadline), tcpTimeout, deadline.remainingMs()));
      if (t.tls()) {
        both.add(task(() -> tls.probe(h, addr, deadline), tlsTimeout, deadline.remainingMs()));
      }
      return CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).thenApply(v -> {
        List<Evidence> out = new ArrayList<>();
        both.forEach(b -> out.addAll(b.join()));
        return out;
      });
    });
  }

  private CompletableFuture<Object> task(Supplier<Object> work, long leftMs) {
    try {
      return CompletableFuture.supplyAsync(work, pool).completeOnTimeout(null, leftMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      shed.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }
  }

  private <T extends Evidence> CompletableFuture<List<Evidence>> task(Supplier<T> probe, T onTimeout, long leftMs) {
    CompletableFuture<T> started;
    try {
      started = CompletableFuture.supplyAsync(probe, pool);
    } catch (RejectedExecutionException e) {
      // The pool is full (a flood of breaks): this probe is shed, counted, and reported as a timeout.
      if (shed.incrementAndGet() % 100 == 1) {
        LOG.warning("probe pool full: " + shed.get() + " probe(s) shed so far");
      }
      return CompletableFuture.completedFuture(List.of(onTimeout));
    }
    return started
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
