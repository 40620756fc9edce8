package io.streamdoctor.diagnosis;

import java.util.List;

/** Stable cause ids (product brief section 2): add, never rename. */
public final class Causes {
  public static final String DNS_RESOLUTION_FAILED = "dns.resolution_failed";
  public static final String DNS_HIJACKED = "dns.hijacked";
  public static final String NETWORK_OFFLINE = "network.offline";
  public static final String NETWORK_CHANGED = "network.changed";
  public static final String NETWORK_PACKET_LOSS = "network.packet_loss";
  public static final String NETWORK_BLOCKED = "network.blocked";
  public static final String NETWORK_IDLE_CUTOFF = "network.idle_cutoff";
  public static final String NETWORK_THROTTLED = "network.throttled";
  public static final String EXTENSION_BLOCKED_REQUEST = "extension.blocked_request";
  public static final String EXTENSION_INTERFERENCE = "extension.interference";
  public static final String PROXY_DOUBLE = "proxy.double";
  public static final String PROXY_FAILED = "proxy.failed";
  public static final String TLS_INTERCEPTED = "tls.intercepted";
  public static final String SERVER_ERROR = "server.error";
  public static final String SERVER_OVERLOADED = "server.overloaded";
  public static final String SERVER_GATEWAY_TIMEOUT = "server.gateway_timeout";
  public static final String SESSION_CONFLICT = "session.conflict";
  public static final String PAGE_INIT_FAILED = "page.init_failed";
  public static final String STREAM_STALLED = "stream.stalled";
  public static final String STREAM_DROPPED_UNEXPLAINED = "stream.dropped_unexplained";
  /** Patterns across breaks (history): what breaks share, reported once ≥ 3 breaks exist. */
  public static final String PATTERN_SAME_NETWORK = "pattern.same_network";
  public static final String PATTERN_SAME_SITE = "pattern.same_site";
  public static final String PATTERN_TIME_OF_DAY = "pattern.time_of_day";

  public static final List<String> ALL =
      List.of(
          DNS_RESOLUTION_FAILED, DNS_HIJACKED, NETWORK_OFFLINE, NETWORK_CHANGED,
          NETWORK_PACKET_LOSS, NETWORK_BLOCKED, NETWORK_IDLE_CUTOFF, NETWORK_THROTTLED,
          EXTENSION_BLOCKED_REQUEST, EXTENSION_INTERFERENCE, PROXY_DOUBLE, PROXY_FAILED,
          TLS_INTERCEPTED, SERVER_ERROR, SERVER_OVERLOADED, SERVER_GATEWAY_TIMEOUT,
          SESSION_CONFLICT, PAGE_INIT_FAILED, STREAM_STALLED, STREAM_DROPPED_UNEXPLAINED);

  private Causes() {}
}
