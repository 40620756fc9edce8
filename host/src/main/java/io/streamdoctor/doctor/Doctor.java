package io.streamdoctor.doctor;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.SystemProxy;
import io.streamdoctor.net.NetDiff;
import io.streamdoctor.net.RetransmitRate;
import io.streamdoctor.platform.NetIface;
import io.streamdoctor.platform.NetState;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.platform.ProxySetting;
import io.streamdoctor.probe.Deadline;
import io.streamdoctor.probe.PostMortem;
import io.streamdoctor.timeline.HostClock;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;

/**
 * {@code streamdoctor doctor}: reads the OS state, samples TCP retransmissions for a second and
 * runs the post-mortem probes for every site at once, printing progress as each part finishes.
 * Everything shares one deadline, so it ends on time offline or behind a dead resolver.
 */
public final class Doctor {
  public record Report(List<Finding> findings, List<Evidence> local, Map<String, List<Evidence>> bySite,
      NetState net, long durationMs) {}

  private final Platform platform;
  private final Targets targets;
  private final HostClock clock;
  private final X509TrustManager trust;
  private final PrintWriter progress;

  public Doctor(Platform platform, Targets targets, HostClock clock, X509TrustManager trust, PrintWriter progress) {
    this.platform = platform;
    this.targets = targets;
    this.clock = clock;
    this.trust = trust;
    this.progress = progress;
  }

  public Report run(List<String> sites, long deadlineMs) {
    long start = System.nanoTime();
    Deadline deadline = Deadline.in(deadlineMs);
    List<Evidence> local = new ArrayList<>();
    say("[1/4] network state");
    NetState net = platform.netState();
    local.addAll(NetDiff.baseline(net, clock.nowMs()));
    long up = net.ifaces().values().stream().filter(NetIface::up).count();
    say("      " + up + " of " + net.ifaces().size() + " interfaces up; default route " + routes(net)
        + "; DNS servers " + (net.dnsServers().isEmpty() ? "none" : String.join(" ", net.dnsServers())));
    platform.limitations().forEach(l -> say("      note: " + l));
    say("[2/4] system proxy");
    List<ProxySetting> proxies = platform.systemProxies();
    proxies.forEach(p -> local.add(new SystemProxy(clock.nowMs(), p.source(), p.mode(), p.proxied())));
    say("      " + (proxies.isEmpty() ? "none configured" : proxies.stream().map(p -> p.source() + ": " + p.mode()).toList()));
    say("[3/4] TCP retransmissions (1 s sample) and probes for " + String.join(", ", sites));
    CompletableFuture<List<Evidence>> retrans = CompletableFuture.supplyAsync(this::sampleRetransmits);
    Map<String, List<Evidence>> bySite = new LinkedHashMap<>();
    try (PostMortem pm = new PostMortem(targets, () -> net.dnsServers(), clock, trust)) {
      Map<String, CompletableFuture<List<Evidence>>> running = new LinkedHashMap<>();
      for (String s : sites) {
        long t0 = System.nanoTime();
        running.put(s, pm.run(s, null, deadline).whenComplete((ev, t) ->
            say("      " + s + ": " + (ev == null ? 0 : ev.size()) + " checks in " + (System.nanoTime() - t0) / 1_000_000 + " ms")));
      }
      running.forEach((s, f) -> bySite.put(s, await(f, deadline)));
    }
    local.addAll(await(retrans, deadline));
    say("[4/4] verdict");
    List<Finding> findings = Verdict.analyze(local, bySite);
    return new Report(findings, local, bySite, net, (System.nanoTime() - start) / 1_000_000);
  }

  private List<Evidence> sampleRetransmits() {
    RetransmitRate rate = new RetransmitRate();
    platform.tcpCounters().ifPresent(c -> rate.sample(c, clock.nowMs()));
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
    List<Evidence> out = new ArrayList<>();
    platform.tcpCounters().flatMap(c -> rate.sample(c, clock.nowMs())).ifPresent(out::add);
    return out;
  }

  private static List<Evidence> await(CompletableFuture<List<Evidence>> f, Deadline d) {
    try {
      return f.get(d.remainingMs() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      return List.of();
    }
  }

  static String routes(NetState net) {
    return net.defaultRoutes().isEmpty() ? "none"
        : String.join(", ", net.defaultRoutes().stream().map(r -> r.describe()).toList());
  }

  private void say(String line) {
    synchronized (progress) {
      progress.println(line);
      progress.flush();
    }
  }
}
