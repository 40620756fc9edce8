package io.streamdoctor.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which breaks the host may probe, and where. A page decides which URLs its scripts open, so the
 * stream URL only selects among configured targets: the host must be one of a configured site's
 * {@code hosts} (exact, case-insensitive; an IP address only when configuration lists it), and the
 * port and TLS are the site's own (443/TLS unless {@code targets.json} says otherwise), whatever
 * port or scheme the page used. Anything else keeps its browser-side evidence only: no connection,
 * no DNS query for its name (docs/security.md, "probes only where they belong").
 */
public final class SiteScope {
  private final Targets targets;

  public SiteScope(Targets targets) {
    this.targets = targets;
  }

  /** The target for a break on {@code siteId} (an adapter id) that streamed to {@code url} (null: none). */
  public Optional<ProbeTarget> forBreak(String siteId, String url) {
    if (url == null) {
      return forRequest(siteId, null);
    }
    String host = hostOf(url);
    return host == null ? Optional.empty() : forRequest(siteId, host);
  }

  /**
   * The target for a {@code probe} request: {@code siteId} a configured site id or one of its
   * hosts, {@code host} null for the site's main host; an unknown id with a configured host
   * resolves by the host. Empty when the pair names nothing configured.
   */
  public Optional<ProbeTarget> forRequest(String siteId, String host) {
    String h = host == null ? null : host.toLowerCase(Locale.ROOT);
    Optional<Site> site = siteId == null ? Optional.empty() : targets.find(siteId);
    if (site.isEmpty() && siteId != null && h == null) {
      h = siteId.toLowerCase(Locale.ROOT); // "probe" with site = a host name
    }
    if (site.isEmpty() && h != null) {
      site = byHost(h);
    }
    if (site.isEmpty()) {
      return Optional.empty();
    }
    Site s = site.get();
    String target = h == null ? s.mainHost() : h;
    if (target == null || !listed(s, target)) {
      return Optional.empty();
    }
    return Optional.of(new ProbeTarget(s, target, s.portOrDefault(), s.usesTls()));
  }

  /** True when a break's stream went to a configured host of its site: it counts as chat-site history. */
  public boolean onSite(String siteId, String url) {
    return forBreak(siteId, url).isPresent();
  }

  private Optional<Site> byHost(String h) {
    return targets.sites().stream().filter(s -> listed(s, h)).findFirst();
  }

  private static boolean listed(Site s, String host) {
    return s.hosts().stream().anyMatch(x -> x.equalsIgnoreCase(host));
  }

  /** The URL's host without IPv6 brackets, lower case; null when the URL has none. */
  static String hostOf(String url) {
    try {
      String h = URI.create(url).getHost();
      if (h == null) {
        return null;
      }
      if (h.startsWith("[") && h.endsWith("]")) {
        h = h.substring(1, h.length() - 1);
      }
      return h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
