// The BASELINE the accuracy benchmark compares StreamDoctor with: what a savvy user can tell today
// from what the browser shows them — the page's error banner (text and kind), the net::ERR_* code
// in the DevTools console, the HTTP status in the DevTools network panel, and whether the answer
// simply froze. Pure: no I/O. The table, first match wins:
//
// | what the user sees                                           | their guess                |
// |--------------------------------------------------------------|----------------------------|
// | net::ERR_NAME_NOT_RESOLVED / ERR_NAME_RESOLUTION_FAILED       | dns.resolution_failed      |
// | net::ERR_INTERNET_DISCONNECTED                                | network.offline            |
// | net::ERR_NETWORK_CHANGED                                      | network.changed            |
// | net::ERR_BLOCKED_BY_CLIENT                                    | extension.blocked_request  |
// | net::ERR_PROXY_CONNECTION_FAILED / ERR_TUNNEL_CONNECTION_FAILED | proxy.failed             |
// | net::ERR_CERT_* / ERR_SSL_*                                   | tls.intercepted            |
// | net::ERR_CONNECTION_REFUSED / _TIMED_OUT / ADDRESS_UNREACHABLE | network.blocked           |
// | HTTP 429                                                      | server.overloaded          |
// | HTTP 504                                                      | server.gateway_timeout     |
// | HTTP 401 / 403                                                | session.conflict           |
// | HTTP 5xx                                                      | server.error               |
// | banner text mentions overload / capacity / rate limit         | server.overloaded          |
// | banner text mentions a timeout / gateway                      | server.gateway_timeout     |
// | banner text mentions log in / session / unauthorized          | session.conflict           |
// | "Something went wrong" banner                                 | server.error               |
// | "Network error" banner                                        | network.offline            |
// | "Error in message stream" banner (any other net error: reset, | stream.dropped_unexplained |
// |   incomplete chunked encoding, closed, …)                     |                            |
// | no banner, the answer stopped arriving                        | stream.stalled             |
// | nothing unusual                                               | null (no break)            |
//
// WebSocket close codes are not in the table: browsers show them only to scripts, not to users.

const NET_ERRORS = [
  [/^net::ERR_NAME_(NOT_RESOLVED|RESOLUTION_FAILED)$/, 'dns.resolution_failed'],
  [/^net::ERR_INTERNET_DISCONNECTED$/, 'network.offline'],
  [/^net::ERR_NETWORK_CHANGED$/, 'network.changed'],
  [/^net::ERR_BLOCKED_BY_CLIENT$/, 'extension.blocked_request'],
  [/^net::ERR_(PROXY|TUNNEL)_CONNECTION_FAILED$/, 'proxy.failed'],
  [/^net::ERR_(CERT_|SSL_)/, 'tls.intercepted'],
  [/^net::ERR_(CONNECTION_REFUSED|CONNECTION_TIMED_OUT|ADDRESS_UNREACHABLE)$/, 'network.blocked'],
];

const TEXTS = [
  [/overload|capacity|rate.?limit|too many requests/i, 'server.overloaded'],
  [/time[ds]? ?out|gateway/i, 'server.gateway_timeout'],
  [/log ?in|session|unauthori[sz]ed|forbidden/i, 'session.conflict'],
];

const BANNERS = { server: 'server.error', network: 'network.offline', stream: 'stream.dropped_unexplained' };

/**
 * @param {{banner?: string|null, bannerText?: string|null, netError?: string|null,
 *          httpStatus?: number|null, froze?: boolean}} seen
 * @returns {string|null} the cause id a savvy user would guess, null when they see no break
 */
export function baselineCause(seen) {
  const s = seen || {};
  const err = typeof s.netError === 'string' ? s.netError.trim() : '';
  for (const [re, cause] of NET_ERRORS) if (re.test(err)) return cause;
  const status = Number(s.httpStatus);
  if (status === 429) return 'server.overloaded';
  if (status === 504) return 'server.gateway_timeout';
  if (status === 401 || status === 403) return 'session.conflict';
  if (status >= 500 && status <= 599) return 'server.error';
  if (s.banner) {
    for (const [re, cause] of TEXTS) if (re.test(String(s.bannerText || ''))) return cause;
    return BANNERS[s.banner] || 'stream.dropped_unexplained';
  }
  return s.froze ? 'stream.stalled' : null;
}

/** The first net::ERR_* code in the console lines the user could read in DevTools. */
export function netErrorFromConsole(lines) {
  for (const l of lines || []) {
    const m = /net::ERR_[A-Z0-9_]+/.exec(String(l));
    if (m) return m[0];
  }
  return null;
}
