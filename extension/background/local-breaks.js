// Breaks from browser evidence alone, for when the helper app is not connected (issue 18): the
// same triggers as the host's BreakDetector (docs/diagnosis.md "When is it a break?") and the
// browser-only rows of its cause table, so a missing helper still gives a recorded, badged and
// notified break. The events themselves stay in the outbox and reach the host once it connects;
// its verdict then replaces this one (breaks.js matches them by stream).
//
// Pure: events in, break records out. The worker feeds every emitted event to `observe`, waits
// SETTLE_MS (the host's Pipeline.SETTLE_MS: the webRequest error travels by another path than the
// page's end event) and asks `take(stream)` for the current verdict.

export const SETTLE_MS = 300;
export const MAX_TRACKED = 200;

/** What the browser saw, in one word; each kind maps to one cause the evidence proves. */
export const KIND = Object.freeze({
  BLOCKED: 'blocked',
  DNS: 'dns',
  OFFLINE: 'offline',
  NETWORK_CHANGED: 'network_changed',
  PROXY: 'proxy',
  TLS: 'tls',
  RATE_LIMITED: 'rate_limited',
  SERVER_ERROR: 'server_error',
  GATEWAY_TIMEOUT: 'gateway_timeout',
  AUTH: 'auth',
  STALL: 'stall',
  RESET: 'reset',
  REFUSED: 'refused',
  WS_DROP: 'ws_drop',
  TRUNCATED: 'truncated',
  DROPPED: 'dropped',
});

// kind → [cause, confidence, remedies]: docs/diagnosis.md's browser-evidence rows.
const VERDICT = {
  blocked: ['extension.blocked_request', 0.96, ['disable_extension', 'isolated_profile']],
  dns: ['dns.resolution_failed', 0.95, ['flush_dns', 'switch_resolver', 'use_doh']],
  offline: ['network.offline', 0.95, ['regenerate', 'check_network']],
  network_changed: ['network.changed', 0.9, ['regenerate', 'stabilize_link']],
  proxy: ['proxy.failed', 0.95, ['fix_proxy']],
  tls: ['tls.intercepted', 0.85, ['allowlist_in_av']],
  rate_limited: ['server.overloaded', 0.93, ['wait_and_retry', 'check_status_page']],
  server_error: ['server.error', 0.9, ['wait_and_retry', 'check_status_page']],
  gateway_timeout: ['server.gateway_timeout', 0.95, ['split_prompt', 'wait_and_retry']],
  auth: ['session.conflict', 0.92, ['clear_site_session', 'one_account_per_profile']],
  stall: ['stream.stalled', 0.6, ['regenerate', 'check_network']],
};
const DROPPED = ['stream.dropped_unexplained', 0.35, ['regenerate']];

// Chromium net error names (net/base/net_error_list.h) and Firefox's NS_* equivalents.
const ERROR_KINDS = [
  [/BLOCKED_BY_CLIENT|BLOCKED_BY_EXTENSION/, KIND.BLOCKED],
  [/NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ERR_DNS_|UNKNOWN_HOST/, KIND.DNS],
  [/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/, KIND.OFFLINE],
  [/NETWORK_CHANGED/, KIND.NETWORK_CHANGED],
  [/PROXY|TUNNEL_CONNECTION/, KIND.PROXY],
  [/CERT_|SSL_|NS_ERROR_.*SECURITY/, KIND.TLS],
  [/CONNECTION_RESET|NET_RESET|CONNECTION_CLOSED|CONNECTION_ABORTED|EMPTY_RESPONSE|PARTIAL_TRANSFER/, KIND.RESET],
  [/CONNECTION_REFUSED|TIMED_OUT|UNREACHABLE|NET_TIMEOUT|CONNECTION_FAILED/, KIND.REFUSED],
];
const ABORTED_RE = /ERR_ABORTED|NS_BINDING_ABORTED/;

export function kindForError(error) {
  const e = String(error || '');
  for (const [re, kind] of ERROR_KINDS) if (re.test(e)) return kind;
  return null;
}

export function kindForStatus(status) {
  if (status === 429) return KIND.RATE_LIMITED;
  if (status === 504) return KIND.GATEWAY_TIMEOUT;
  if (status === 401 || status === 403) return KIND.AUTH;
  if (status >= 500) return KIND.SERVER_ERROR;
  return null;
}

function kindForCloseCode(code) {
  if (code === 1013) return KIND.RATE_LIMITED;
  if (code === 1011 || code === 1014) return KIND.SERVER_ERROR;
  return null;
}

function kindForErrorType(type) {
  if (/overloaded|rate_limit/.test(String(type))) return KIND.RATE_LIMITED;
  return type ? KIND.SERVER_ERROR : null;
}

/** The kind that explains a stream record best: specific browser errors, then statuses. */
export function classify(rec) {
  return kindForError(rec.requestError)
    || kindForStatus(rec.httpStatus)
    || kindForErrorType(rec.errorType)
    || kindForCloseCode(rec.closeCode)
    || (rec.end === 'error' && rec.kind === 'ws' ? KIND.WS_DROP : null)
    || (rec.stalled && !rec.end ? KIND.STALL : null)
    || (rec.stalled && rec.end === 'aborted' ? KIND.STALL : null)
    || (rec.end === 'truncated' ? KIND.TRUNCATED : null)
    || (rec.end === 'error' && /reset/i.test(String(rec.errorName)) ? KIND.RESET : null)
    || KIND.DROPPED;
}

/** The symptom the page showed (host SymptomClassifier's order), without a banner when none was seen. */
function symptomOf(rec, kind) {
  if (rec.banner) return rec.banner;
  if (kind === KIND.AUTH) return 'bad_error';
  if ([KIND.RATE_LIMITED, KIND.SERVER_ERROR, KIND.GATEWAY_TIMEOUT].includes(kind)) return 'something_went_wrong';
  if (kind === KIND.STALL) return 'stalled';
  if (!rec.frames) return 'network_error';
  return 'message_stream_error';
}

/** Evidence lines (shown only under "Details"): what the browser reported, relative to the break. */
function evidenceOf(rec) {
  const at = (ts) => (Number.isFinite(ts) ? Math.round(ts - rec.breakTs) : 0);
  const out = [];
  if (rec.requestError) out.push({ atMs: at(rec.requestErrorTs), text: `the browser reported ${rec.requestError} for the answer's request` });
  if (rec.httpStatus >= 400) out.push({ atMs: at(rec.statusTs), text: `the server answered HTTP ${rec.httpStatus}` + (rec.retryAfterS != null ? ` (retry after ${rec.retryAfterS} s)` : '') });
  if (rec.errorType) out.push({ atMs: at(rec.errorTs), text: `the stream carried an error object ${rec.errorType}` });
  if (rec.stalled) out.push({ atMs: at(rec.stallTs), text: `no data arrived for ${Math.round((rec.silentMs || 0) / 1000)} s while the connection stayed open` });
  if (rec.closeCode != null) out.push({ atMs: at(rec.endTs), text: `the WebSocket closed with code ${rec.closeCode}` });
  if (rec.end && rec.end !== 'aborted') out.push({ atMs: at(rec.endTs), text: `the stream ended (${rec.end}) after ${rec.frames || 0} frames` });
  return out;
}

/** A break record in the host's `diagnosis.break` shape, stage "browser" (browser evidence only). */
export function breakOf(rec) {
  const kind = classify(rec);
  const [cause, confidence, remedies] = VERDICT[kind] || DROPPED;
  return {
    breakId: `b-${Math.round(rec.breakTs)}-${rec.stream}`,
    stream: rec.stream,
    tabId: rec.tabId,
    site: rec.site || 'generic',
    url: rec.url || null,
    ts: rec.breakTs,
    symptom: symptomOf(rec, kind),
    kind,
    findings: [{ cause, confidence, evidence: evidenceOf(rec), against: [], remedies }],
    ruledOut: [],
  };
}

export function createLocalDetector({ limit = MAX_TRACKED } = {}) {
  const recs = new Map(); // stream → record (insertion order = age)
  const latestByTab = new Map(); // tabId → stream

  const get = (stream) => recs.get(stream) || null;
  function open(ev) {
    const rec = { stream: ev.stream, tabId: ev.tabId, site: ev.site, url: ev.url, kind: ev.kind, frames: 0 };
    recs.set(ev.stream, rec);
    latestByTab.set(ev.tabId, ev.stream);
    while (recs.size > limit) recs.delete(recs.keys().next().value);
    return null;
  }
  const byUrl = (tabId, url) => {
    let found = null;
    for (const r of recs.values()) if (r.tabId === tabId && r.url === url) found = r;
    return found;
  };
  const trigger = (rec, ts) => {
    if (!rec.breakTs) rec.breakTs = ts;
    return rec.stream;
  };

  /** Feeds one protocol event; returns the stream whose verdict changed (or null). */
  function observe(ev) {
    if (!ev || typeof ev.type !== 'string') return null;
    if (ev.type === 'stream.open') return open(ev);
    if (ev.type === 'browser.request_error') {
      const rec = ev.stream ? get(ev.stream) : byUrl(ev.tabId, ev.url);
      if (!rec) return null;
      if (ABORTED_RE.test(ev.error)) {
        rec.withdrawn = true; // the browser cancelled it: navigation, reload, stop (not a break)
        return rec.stream;
      }
      Object.assign(rec, { requestError: ev.error, requestErrorTs: ev.ts });
      return rec.end || rec.stalled ? trigger(rec, ev.ts) : null;
    }
    if (ev.type === 'browser.http_status') {
      const rec = byUrl(ev.tabId, ev.url);
      if (!rec || !(ev.status >= 400)) return null;
      Object.assign(rec, { httpStatus: ev.status, statusTs: ev.ts, retryAfterS: ev.retryAfterS });
      return rec.breakTs ? rec.stream : null;
    }
    if (ev.type === 'page.banner') {
      const rec = get(latestByTab.get(ev.tabId));
      if (!rec) return null;
      rec.banner = ev.symptom;
      return rec.breakTs ? rec.stream : null;
    }
    const rec = typeof ev.stream === 'string' ? get(ev.stream) : null;
    if (!rec) return null;
    switch (ev.type) {
      case 'stream.first_byte':
        if (ev.httpStatus >= 400) Object.assign(rec, { httpStatus: ev.httpStatus, statusTs: ev.ts });
        return null;
      case 'stream.progress':
        rec.frames = ev.frames || rec.frames;
        return null;
      case 'stream.stall':
        Object.assign(rec, { stalled: true, stallTs: ev.ts, silentMs: ev.silentMs });
        return trigger(rec, ev.ts);
      case 'stream.error':
        Object.assign(rec, { errorType: ev.errorType, errorTs: ev.ts });
        if (ev.httpStatus >= 400) Object.assign(rec, { httpStatus: ev.httpStatus, statusTs: ev.ts });
        return trigger(rec, ev.ts);
      case 'stream.end':
        Object.assign(rec, { end: ev.outcome, endTs: ev.ts, frames: ev.frames || rec.frames, closeCode: ev.closeCode, errorName: ev.errorName });
        if (ev.httpStatus >= 400) Object.assign(rec, { httpStatus: ev.httpStatus, statusTs: rec.statusTs || ev.ts });
        if (ev.outcome === 'complete') {
          // a stall that recovered is a slow answer, not a break (host: slow_stream)
          if (rec.breakTs && !rec.errorType) rec.withdrawn = true;
          return rec.breakTs ? rec.stream : null;
        }
        if (ev.outcome === 'aborted') return rec.breakTs ? rec.stream : null;
        return trigger(rec, ev.ts);
      default:
        return null;
    }
  }

  return {
    observe,
    /** The stream's current verdict: {withdraw: breakId} | {brk} | null (no break). */
    take(stream) {
      const rec = get(stream);
      if (!rec || !rec.breakTs) return null;
      if (rec.withdrawn) return { withdraw: `b-${Math.round(rec.breakTs)}-${rec.stream}` };
      return { brk: breakOf(rec) };
    },
  };
}
