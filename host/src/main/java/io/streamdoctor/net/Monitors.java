package io.streamdoctor.net;

import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.SystemProxy;
import io.streamdoctor.evidence.WifiQuality;
import io.streamdoctor.platform.NetState;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.platform.ProxySetting;
import io.streamdoctor.platform.WifiReading;
import io.streamdoctor.timeline.HostClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OS monitors, all on one daemon thread: network state every {@code netMs} (and at once when
 * the OS pushes a change), TCP retransmissions every second, the system proxy every
 * {@code proxyMs}, Wi-Fi every 2 s. Each emits evidence only when something changed.
 */
public final class Monitors implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Monitors.class.getName());

  /** Poll periods; {@link #standard()} is what the host uses. */
  public record Periods(long netMs, long tcpMs, long proxyMs, long wifiMs) {
    public static Periods standard() {
      return new Periods(500, 1000, 15_000, 2_000);
    }
  }

  private final Platform platform;
  private final HostClock clock;
  private final Periods periods;
  private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "streamdoctor-monitors");
    t.setDaemon(true);
    return t;
  });
  private static final long PUSH_SETTLE_MS = 20;

  private final RetransmitRate retransmits = new RetransmitRate();
  private final java.util.concurrent.atomic.AtomicBoolean pushPending = new java.util.concurrent.atomic.AtomicBoolean();
  private final Map<String, WifiReading> lastWifi = new HashMap<>();
  private Consumer<Evidence> sink;
  private NetState lastNet;
  private List<ProxySetting> lastProxies;
  private AutoCloseable osWatch = () -> {};
  private final CountDownLatch baselineTaken = new CountDownLatch(1);

  public Monitors(Platform platform, HostClock clock, Periods periods) {
    this.platform = platform;
    this.clock = clock;
    this.periods = periods;
  }

  public static Monitors standard(Platform platform, HostClock clock) {
    return new Monitors(platform, clock, Periods.standard());
  }

  public synchronized void start(Consumer<Evidence> sink) {
    if (this.sink != null) {
      throw new IllegalStateException("monitors already started");
    }
    this.sink = sink;
    exec.execute(guard("baseline", this::baseline));
    exec.scheduleWithFixedDelay(guard("network", this::pollNet), periods.netMs(), periods.netMs(), TimeUnit.MILLISECONDS);
    exec.scheduleWithFixedDelay(guard("tcp", this::pollTcp), 0, periods.tcpMs(), TimeUnit.MILLISECONDS);
    exec.scheduleWithFixedDelay(guard("proxy", this::pollProxy), 0, periods.proxyMs(), TimeUnit.MILLISECONDS);
    exec.scheduleWithFixedDelay(guard("wifi", this::pollWifi), 0, periods.wifiMs(), TimeUnit.MILLISECONDS);
    try {
      osWatch = platform.watchChanges(this::onPush);
    } catch (Exception e) {
      LOG.log(Level.FINE, "no OS change notifications", e);
    }
  }

  /** True once the first snapshot is taken (changes are reported relative to it). */
  public boolean awaitBaseline(long timeoutMs) throws InterruptedException {
    return baselineTaken.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  private void baseline() {
    lastNet = platform.netState();
    baselineTaken.countDown();
    NetDiff.baseline(lastNet, clock.nowMs()).forEach(sink);
    LOG.info("monitoring " + lastNet.ifaces().size() + " interfaces, default routes "
        + NetDiff.describe(lastNet.defaultRoutes()) + ", DNS " + lastNet.dnsServers());
  }

  /**
   * The OS says something changed. Kernel messages come in bursts (one change is often several
   * messages): coalesce them into one re-read {@value #PUSH_SETTLE_MS} ms after the first.
   */
  private void onPush() {
    if (pushPending.compareAndSet(false, true)) {
      try {
        exec.schedule(guard("network", () -> {
          pushPending.set(false);
          pollNet();
        }), PUSH_SETTLE_MS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Closing: nothing more to report.
      }
    }
  }

  private void pollNet() {
    NetState now = platform.netState();
    if (lastNet != null) {
      NetDiff.diff(lastNet, now, clock.nowMs()).forEach(sink);
    }
    lastNet = now;
  }

  private void pollTcp() {
    platform.tcpCounters().flatMap(c -> retransmits.sample(c, clock.nowMs())).ifPresent(sink);
  }

  private void pollProxy() {
    List<ProxySetting> now = platform.systemProxies();
    if (!now.equals(lastProxies)) {
      double ts = clock.nowMs();
      if (now.isEmpty()) {
        sink.accept(new SystemProxy(ts, "none", "none", false));
      }
      now.forEach(p -> sink.accept(new SystemProxy(ts, p.source(), p.mode(), p.proxied())));
      lastProxies = now;
    }
  }

  private void pollWifi() {
    for (WifiReading w : platform.wifi()) {
      WifiReading prev = lastWifi.get(w.iface());
      if (prev == null || moved(prev.quality(), w.quality(), 0.05) || moved(prev.signalDbm(), w.signalDbm(), 3)) {
        sink.accept(new WifiQuality(clock.nowMs(), w.iface(), w.quality(), w.signalDbm()));
        lastWifi.put(w.iface(), w);
      }
    }
  }

  private static boolean moved(Double a, Double b, double step) {
    if (a == null || b == null) {
      return a != b;
    }
    return Math.abs(a - b) >= step;
  }

  private Runnable guard(String what, Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        // One bad read must not cancel the periodic task (ScheduledExecutorService drops it).
        LOG.log(Level.WARNING, what + " monitor failed", e);
      }
    };
  }

  @Override
  public void close() {
    try {
      osWatch.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing OS change notifications", e);
    }
    exec.shutdownNow();
    try {
      exec.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
