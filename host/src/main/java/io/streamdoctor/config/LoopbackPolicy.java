package io.streamdoctor.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A hard fence for tests, benchmarks and demos: with {@code STREAMDOCTOR_LOOPBACK_ONLY=1} (or the
 * system property {@code streamdoctor.loopbackOnly=true}) no probe may contact anything but
 * loopback. Targets are filtered once, where the probes are built, so a forgotten targets file in
 * a test can never send a packet off the machine: what is not loopback is simply not probed.
 */
public final class LoopbackPolicy {
  private LoopbackPolicy() {}

  public static boolean enforced() {
    return "1".equals(System.getenv("STREAMDOCTOR_LOOPBACK_ONLY")) || Boolean.getBoolean("streamdoctor.loopbackOnly");
  }

  /** True for localhost, 127.0.0.0/8 and ::1, decided from the text alone (no DNS lookup). */
  public static boolean isLoopbackLiteral(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
  }

  static boolean isLoopbackEndpoint(String endpoint) {
    try {
      InetSocketAddress a = Endpoint.parse(endpoint, 53);
      return a.getAddress() != null && a.getAddress().isLoopbackAddress();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean isLoopbackUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      return isLoopbackLiteral(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a probe may open a connection to {@code host} under the policy. */
  public static boolean mayConnect(Targets t, String host) {
    if (!enforced()) {
      return true;
    }
    String override = t.connect().get(host);
    return override != null ? isLoopbackEndpoint(override) : isLoopbackLiteral(host);
  }

  public static Targets restrict(Targets t) {
    if (!enforced()) {
      return t;
    }
    List<IdentityQuery> identity = new ArrayList<>();
    for (IdentityQuery q : t.identity()) {
      if ("system".equals(q.server()) || isLoopbackEndpoint(q.server())) {
        identity.add(q);
      }
    }
    List<Site> sites = new ArrayList<>();
    for (Site s : t.sites()) {
      String ws = s.wsUrl() != null && mayConnect(t, URI.create(s.wsUrl()).getHost()) ? s.wsUrl() : null;
      String status = isLoopbackUrl(s.statusUrl()) ? s.statusUrl() : null;
      sites.add(new Site(s.id(), s.hosts(), ws, status, s.port(), s.tls()));
    }
    return new Targets(loopbackOnly(t.systemResolvers()), loopbackOnly(t.publicResolvers()),
        isLoopbackUrl(t.dohUrl()) ? t.dohUrl() : null, identity, sites, t.expectedIssuers(), t.connect());
  }

  public static Supplier<List<String>> restrict(Supplier<List<String>> resolvers) {
    return enforced() ? () -> loopbackOnly(resolvers.get()) : resolvers;
  }

  private static List<String> loopbackOnly(List<String> endpoints) {
    List<String> out = new ArrayList<>();
    for (String e : endpoints) {
      if (isLoopbackEndpoint(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
