package io.streamdoctor.config;

import java.util.List;

/**
 * A chat site's probe targets: the hosts the page and stream use, the WebSocket URL for
 * WebSocket-based sites (null otherwise) and its Statuspage v2 summary URL (null: none known).
 */
public record Site(String id, List<String> hosts, String wsUrl, String statusUrl) {
  public Site {
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
  }

  public String mainHost() {
    return hosts.isEmpty() ? null : hosts.get(0);
  }
}
