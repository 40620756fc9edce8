// Cause id → plain words, remedy id → button label (product-brief section 2). The words live in
// _locales/en/messages.json under the keys below; this table only says which key and which
// one-click action (if the browser allows one). Cause ids are stable: never rename, only add.

export const CAUSES = {
  'dns.resolution_failed': 'cause_dns_resolution_failed',
  'dns.hijacked': 'cause_dns_hijacked',
  'network.offline': 'cause_network_offline',
  'network.changed': 'cause_network_changed',
  'network.packet_loss': 'cause_network_packet_loss',
  'network.blocked': 'cause_network_blocked',
  'network.idle_cutoff': 'cause_network_idle_cutoff',
  'network.throttled': 'cause_network_throttled',
  'extension.blocked_request': 'cause_extension_blocked_request',
  'extension.interference': 'cause_extension_interference',
  'proxy.double': 'cause_proxy_double',
  'proxy.failed': 'cause_proxy_failed',
  'tls.intercepted': 'cause_tls_intercepted',
  'server.error': 'cause_server_error',
  'server.overloaded': 'cause_server_overloaded',
  'server.gateway_timeout': 'cause_server_gateway_timeout',
  'session.conflict': 'cause_session_conflict',
  'page.init_failed': 'cause_page_init_failed',
  'stream.stalled': 'cause_stream_stalled',
  'stream.dropped_unexplained': 'cause_stream_dropped_unexplained',
  // history patterns (docs/history.md): findings across several breaks
  'pattern.same_network': 'cause_pattern_same_network',
  'pattern.same_site': 'cause_pattern_same_site',
  'pattern.time_of_day': 'cause_pattern_time_of_day',
};

/**
 * action: what the button does —
 *   host:<request>  ask the host (flush_dns also opens the browser's DNS page)
 *   tab:<what>      a browser action on the chat tab / site
 *   null            advice only (shown as text, no button)
 */
export const REMEDIES = {
  flush_dns: { key: 'remedy_flush_dns', action: 'host:flush_dns' },
  switch_resolver: { key: 'remedy_switch_resolver', action: null },
  use_doh: { key: 'remedy_use_doh', action: 'tab:open_doh_settings' },
  contact_isp: { key: 'remedy_contact_isp', action: null },
  wait_and_retry: { key: 'remedy_wait_and_retry', action: null },
  regenerate: { key: 'remedy_regenerate', action: null },
  stabilize_link: { key: 'remedy_stabilize_link', action: null },
  change_network: { key: 'remedy_change_network', action: null },
  shorter_prompt: { key: 'remedy_shorter_prompt', action: null },
  other_route: { key: 'remedy_other_route', action: null },
  disable_extension: { key: 'remedy_disable_extension', action: 'tab:disable_extension' },
  isolated_profile: { key: 'remedy_isolated_profile', action: null },
  keep_one_routing_layer: { key: 'remedy_keep_one_routing_layer', action: null },
  fix_proxy: { key: 'remedy_fix_proxy', action: 'tab:open_proxy_settings' },
  allowlist_in_av: { key: 'remedy_allowlist_in_av', action: null },
  check_status_page: { key: 'remedy_check_status_page', action: 'tab:open_status' },
  split_prompt: { key: 'remedy_split_prompt', action: null },
  clear_site_session: { key: 'remedy_clear_site_session', action: 'tab:clear_site_session' },
  one_account_per_profile: { key: 'remedy_one_account_per_profile', action: null },
  hard_reload: { key: 'remedy_hard_reload', action: 'tab:hard_reload' },
  disable_script_blockers: { key: 'remedy_disable_script_blockers', action: 'tab:disable_extension' },
  check_network: { key: 'remedy_check_network', action: 'host:probe' },
};

/** Plain-words title for a cause; unknown (newer host) ids get a generic line, never a crash. */
export function causeTitle(t, cause) {
  const key = CAUSES[cause];
  return key ? t(key) : t('cause_unknown', [String(cause)]);
}

export function remedyLabel(t, remedy) {
  const r = REMEDIES[remedy];
  return r ? t(r.key) : String(remedy);
}

/** Remedies that can be a button, in the order given, at most `max`. */
export function actionableRemedies(remedies, max = Infinity) {
  return (remedies || []).filter((id) => REMEDIES[id] && REMEDIES[id].action).slice(0, max);
}
