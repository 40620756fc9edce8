package io.streamdoctor.report;

import java.util.Map;

/** Plain-words names for stable ids; an id without a label is shown as itself. */
public final class Labels {
  private static final Map<String, String> CAUSES = Map.ofEntries(
      Map.entry("dns.resolution_failed", "DNS could not resolve the chat host"),
      Map.entry("dns.hijacked", "DNS answers were altered on the way"),
      Map.entry("network.offline", "The computer went offline"),
      Map.entry("network.changed", "The network changed under the stream"),
      Map.entry("network.packet_loss", "Packets were lost on the way"),
      Map.entry("network.blocked", "The network blocks the chat host"),
      Map.entry("network.idle_cutoff", "A proxy, firewall or router cuts long or quiet streams"),
      Map.entry("network.throttled", "The connection was throttled"),
      Map.entry("extension.blocked_request", "Another extension blocked the request"),
      Map.entry("extension.interference", "Another extension interferes with the page"),
      Map.entry("proxy.double", "Two routing layers at once (VPN and proxy)"),
      Map.entry("proxy.failed", "The proxy failed"),
      Map.entry("tls.intercepted", "Encrypted traffic is intercepted (antivirus or corporate proxy)"),
      Map.entry("server.error", "The chat service failed"),
      Map.entry("server.overloaded", "The chat service is overloaded or rate-limiting"),
      Map.entry("server.gateway_timeout", "The service timed out before answering"),
      Map.entry("session.conflict", "Session or login state conflict"),
      Map.entry("page.init_failed", "The chat page failed to start"),
      Map.entry("stream.stalled", "The stream stalled"),
      Map.entry("stream.dropped_unexplained", "The connection dropped, cause not proven"),
      Map.entry("pattern.same_network", "Breaks cluster on one network"),
      Map.entry("pattern.same_site", "Breaks cluster on one site"),
      Map.entry("pattern.time_of_day", "Breaks cluster at one time of day"));

  private static final Map<String, String> REMEDIES = Map.ofEntries(
      Map.entry("flush_dns", "Flush the DNS cache"),
      Map.entry("switch_resolver", "Switch to another DNS resolver (1.1.1.1, 8.8.8.8)"),
      Map.entry("use_doh", "Use DNS over HTTPS"),
      Map.entry("contact_isp", "Contact your internet provider"),
      Map.entry("wait_and_retry", "Wait a little, then retry"),
      Map.entry("regenerate", "Regenerate the answer"),
      Map.entry("stabilize_link", "Use a more stable link (wired, closer to the router)"),
      Map.entry("change_network", "Try another network or proxy"),
      Map.entry("shorter_prompt", "Ask for shorter answers"),
      Map.entry("other_route", "Try another route or region"),
      Map.entry("disable_extension", "Disable the named extension for a test"),
      Map.entry("isolated_profile", "Try a browser profile without extensions"),
      Map.entry("keep_one_routing_layer", "Keep one routing layer: VPN or proxy, not both"),
      Map.entry("fix_proxy", "Fix or disable the proxy"),
      Map.entry("allowlist_in_av", "Allow-list the chat host in the antivirus or proxy"),
      Map.entry("check_status_page", "Check the service's status page"),
      Map.entry("split_prompt", "Split the prompt into smaller parts"),
      Map.entry("clear_site_session", "Clear this site's session data"),
      Map.entry("one_account_per_profile", "Use one account per browser profile"),
      Map.entry("hard_reload", "Reload the page bypassing the cache"),
      Map.entry("disable_script_blockers", "Disable script blockers for the site"),
      Map.entry("check_network", "Check the network connection"));

  private static final Map<String, String> SYMPTOMS = Map.of(
      "message_stream_error", "Error in message stream",
      "network_error", "Network error",
      "bad_error", "Session error",
      "something_went_wrong", "Something went wrong",
      "blank_page", "Blank page",
      "slow_stream", "Slow stream");

  private Labels() {}

  public static String cause(String id) {
    return CAUSES.getOrDefault(id, id);
  }

  public static String remedy(String id) {
    return REMEDIES.getOrDefault(id, id);
  }

  public static String symptom(String id) {
    return id == null ? "unknown" : SYMPTOMS.getOrDefault(id, id);
  }
}
