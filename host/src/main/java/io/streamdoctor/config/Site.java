package io.streamdoctor.config;

import java.util.List;

/**
 * A chat site's probe targets: the hosts the page and stream use, the WebSocket URL for
 * WebSocket-based sites (null otherwise), its Statuspage v2 summary URL (null: none known), and
 * the port and whether it speaks TLS there (null: 443 and TLS, as every real chat site).
 */
public record Site(String id, List<String> hosts, String wsUrl, String statusUrl, Integer port, Boolean tls) {
  public Site {
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
  }

  public Site(String id, List<String> hosts, String wsUrl, String statusUrl) {
    this(id, hosts, wsUrl, statusUrl, null, null);
  }

  public int portOrDefault() {
    return port == null ? 443 : port;
  }

  public boolean usesTls() {
    return tls == null || tls;
  }

  public String mainHost() {
    return hosts.isEmpty() ? null : hosts.get(0);
  }
}
