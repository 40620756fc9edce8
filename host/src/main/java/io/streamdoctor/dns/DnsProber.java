package io.streamdoctor.dns;

import io.streamdoctor.config.Endpoint;
import io.streamdoctor.config.IdentityQuery;
import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.timeline.HostClock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The post-mortem DNS check: the chat host (type A) at every system resolver, every public
 * resolver and over DoH, plus the resolver-identity queries, all at once, each bounded by the
 * caller's budget — so the whole probe ends within it even when every resolver is dead.
 */
public final class DnsProber {
  private static final Pattern IP = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:]+)");
  /** Time kept back from the budget for assembling the result. */
  private static final long SLACK_MS = 100;

  private final Targets targets;
  private final Supplier<List<String>> osResolvers;
  private final DohClient doh;
  private final HostClock clock;

  public DnsProber(Targets targets, Supplier<List<String>> osResolvers, DohClient doh, HostClock clock) {
    this.targets = targets;
    this.osResolvers = osResolvers;
    this.doh = doh;
    this.clock = clock;
  }

  private record Pending(String resolver, String kind, CompletableFuture<DnsAnswer> answer) {}

  private record PendingId(String resolver, String query, CompletableFuture<DnsAnswer> answer) {}

  public CompletableFuture<List<Evidence>> probe(String host, long budgetMs) {
    double ts = clock.nowMs();
    long timeout = Math.max(200, budgetMs - SLACK_MS);
    List<String> system = targets.systemResolvers().isEmpty() ? osResolvers.get() : targets.systemResolvers();
    List<Pending> lookups = new ArrayList<>();
    List<PendingId> ids = new ArrayList<>();
    if (host != null && !host.matches("[0-9.]+|.*:.*")) {
      system.forEach(s -> lookups.add(new Pending(s, "system", udp(s, host, DnsQuery.A, "IN", timeout))));
      targets.publicResolvers().forEach(s -> lookups.add(new Pending(s, "public", udp(s, host, DnsQuery.A, "IN", timeout))));
      if (targets.dohUrl() != null && !targets.dohUrl().isBlank()) {
        lookups.add(new Pending(targets.dohUrl(), "doh", doh.query(targets.dohUrl(), host, DnsQuery.A, timeout)));
      }
    }
    for (IdentityQuery q : targets.identity()) {
      List<String> servers = "system".equals(q.server()) ? system : List.of(q.server());
      servers.forEach(s -> ids.add(new PendingId(s, q.name(), udp(s, q.name(), DnsQuery.TXT, q.dclass(), timeout))));
    }
    List<CompletableFuture<?>> all = new ArrayList<>();
    lookups.forEach(p -> all.add(p.answer()));
    ids.forEach(p -> all.add(p.answer()));
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(v -> assemble(ts, host, lookups, ids));
  }

  private CompletableFuture<DnsAnswer> udp(String server, String name, int type, String dclass, long timeout) {
    InetSocketAddress addr;
    try {
      addr = Endpoint.parse(server, 53);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(DnsAnswer.failed("error", 0, e.getMessage()));
    }
    return DnsQuery.udp(addr, name, type, DnsQuery.dclass(dclass), timeout);
  }

  private static List<Evidence> assemble(double ts, String host, List<Pending> lookups, List<PendingId> ids) {
    Set<String> publicAnswers = new HashSet<>();
    for (Pending p : lookups) {
      DnsAnswer a = p.answer().join();
      if (!p.kind().equals("system") && a.outcome().equals("ok")) {
        publicAnswers.addAll(a.answers());
      }
    }
    List<Evidence> out = new ArrayList<>();
    for (Pending p : lookups) {
      DnsAnswer a = p.answer().join();
      boolean bogon = a.answers().stream().anyMatch(Bogons::isBogon);
      boolean disagrees = p.kind().equals("system") && a.outcome().equals("ok") && !a.answers().isEmpty()
          && !publicAnswers.isEmpty() && a.answers().stream().noneMatch(publicAnswers::contains);
      out.add(new DnsProbe(ts, host, p.resolver(), p.kind(), a.rcode(), a.answers(), a.latencyMs(), a.outcome(),
          bogon, disagrees));
    }
    for (PendingId p : ids) {
      DnsAnswer a = p.answer().join();
      String egress = null;
      for (String txt : a.answers()) {
        Matcher m = IP.matcher(txt);
        if (egress == null && m.find()) {
          egress = m.group(1);
        }
      }
      String outcome = a.outcome().equals("ok") && egress == null ? "no_address" : a.outcome();
      out.add(new ResolverIdentity(ts, p.resolver(), p.query(), egress, outcome));
    }
    return out;
  }
}
