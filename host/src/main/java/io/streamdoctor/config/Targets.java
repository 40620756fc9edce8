package io.streamdoctor.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every external target the host may contact, in one place: defaults for real users, overridable
 * by {@code targets.json} in the config directory and by command-line flags. Tests point every
 * field at 127.0.0.1 servers. {@code systemResolvers} empty means "ask the OS";
 * {@code connect} maps a host name to the "ip:port" to connect to instead of resolving it (the
 * lab and tests; SNI and Host headers keep the name).
 */
public record Targets(
    List<String> systemResolvers,
    List<String> publicResolvers,
    String dohUrl,
    List<IdentityQuery> identity,
    List<Site> sites,
    List<String> expectedIssuers,
    Map<String, String> connect) {

  public Targets {
    systemResolvers = copy(systemResolvers);
    publicResolvers = copy(publicResolvers);
    identity = identity == null ? List.of() : List.copyOf(identity);
    sites = sites == null ? List.of() : List.copyOf(sites);
    expectedIssuers = copy(expectedIssuers);
    connect = connect == null ? Map.of() : Map.copyOf(connect);
  }

  private static List<String> copy(List<String> l) {
    return l == null ? List.of() : List.copyOf(l);
  }

  public static Targets defaults() {
    return new Targets(
        List.of(),
        List.of("1.1.1.1", "8.8.8.8"),
        // An IP literal: DoH must not depend on the system resolver it is compared with.
        "https://1.1.1.1/dns-query",
        List.of(
            new IdentityQuery("whoami.ds.akahelp.net", "IN", "system"),
            new IdentityQuery("o-o.myaddr.l.google.com", "IN", "system"),
            new IdentityQuery("whoami.cloudflare", "CH", "1.1.1.1")),
        List.of(
            // The hosts extension/src/common/sites.js assigns to each site.
            new Site("chatgpt", List.of("chatgpt.com", "chat.openai.com"), null, "https://status.openai.com/api/v2/summary.json"),
            new Site("claude", List.of("claude.ai"), null, "https://status.claude.com/api/v2/summary.json"),
            new Site("gemini", List.of("gemini.google.com"), null, null),
            new Site("copilot", List.of("copilot.microsoft.com"),
                "wss://copilot.microsoft.com/c/api/chat?api-version=2", null),
            new Site("perplexity", List.of("www.perplexity.ai"), null, null)),
        List.of("Google Trust Services", "Let's Encrypt", "DigiCert", "Sectigo", "GlobalSign", "Amazon",
            "Microsoft", "Cloudflare", "Entrust", "GoDaddy", "SSL.com", "Internet Security Research Group"),
        Map.of());
  }

  /** The site with this id or serving this host; a host we do not know becomes an ad-hoc site. */
  public Site site(String idOrHost) {
    return find(idOrHost).orElseGet(() -> new Site(idOrHost, List.of(idOrHost), null, null));
  }

  public java.util.Optional<Site> find(String idOrHost) {
    return sites.stream().filter(s -> s.id().equals(idOrHost) || s.hosts().contains(idOrHost)).findFirst();
  }

  /**
   * The site for a probe request: a known site id or host wins; an unknown adapter id (e.g.
   * "generic") with a host falls back to the host.
   */
  public Site siteFor(String site, String host) {
    if (site != null && find(site).isPresent()) {
      return find(site).get();
    }
    return host != null ? site(host) : site(site);
  }

  public Targets withSites(List<Site> newSites) {
    return new Targets(systemResolvers, publicResolvers, dohUrl, identity, newSites, expectedIssuers, connect);
  }

  public Targets withConnect(String host, String ipPort) {
    Map<String, String> m = new LinkedHashMap<>(connect);
    m.put(host, ipPort);
    return new Targets(systemResolvers, publicResolvers, dohUrl, identity, sites, expectedIssuers, m);
  }

  public Targets withResolvers(List<String> system, List<String> pub, String doh) {
    return new Targets(system, pub, doh, identity, sites, expectedIssuers, connect);
  }

  public Targets withIdentity(List<IdentityQuery> queries) {
    return new Targets(systemResolvers, publicResolvers, dohUrl, new ArrayList<>(queries), sites, expectedIssuers, connect);
  }
}
