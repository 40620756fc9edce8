// Browser-side evidence: webRequest errors and statuses on chat hosts, connectivity, proxy
// settings and session-cookie changes. Each listener turns a browser callback into one protocol
// event through `emit(event)`; nothing here keeps state beyond "what did we last report".
import { hostMatchPatterns, siteForHost, streamRule } from '../src/common/sites.js';
import { hashSegment, sanitizeUrl } from '../src/common/sanitize.js';

const COOKIE_NAME_RE = /session|auth|token|sid/i;

export function retryAfterSeconds(headers) {
  const h = (headers || []).find((x) => String(x.name).toLowerCase() === 'retry-after');
  if (!h) return null;
  const n = Number(h.value);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(h.value);
  return Number.isFinite(date) ? Math.max(0, Math.round((date - Date.now()) / 1000)) : null;
}

/** webRequest details → browser.request_error (always) or browser.http_status (≥400 or streams). */
export function requestEvent(kind, d, streams) {
  const url = sanitizeUrl(d.url);
  if (!url) return null;
  const base = { ts: d.timeStamp || Date.now(), tabId: d.tabId, url, resourceType: d.type };
  if (kind === 'error') {
    const stream = d.tabId >= 0 ? streams.match(d.tabId, url) : null;
    return { type: 'browser.request_error', ...base, error: String(d.error || ''), stream, method: d.method || null };
  }
  let isStream = false;
  try {
    const u = new URL(d.url);
    isStream = !!streamRule(siteForHost(u.hostname), u.pathname) || d.type === 'websocket';
  } catch {
    isStream = false;
  }
  if (!(d.statusCode >= 400) && !isStream) return null;
  return { type: 'browser.http_status', ...base, status: d.statusCode, retryAfterS: retryAfterSeconds(d.responseHeaders) };
}

/** How long an unmatched request error waits for the page's stream.open to arrive. */
export const MATCH_GRACE_MS = 400;

/**
 * Returns {urls, flush(tabId)}: `flush` sends the tab's held-back errors that now match a stream. The worker calls it
 * when a hook event of that tab arrives, so an error is never sent after its stream's end (the
 * host diagnoses a break 250 ms after it, with the evidence it has by then; Firefox reports an
 * add-on's block before the page hook's stream.open has arrived).
 */
export function watchRequests(ext, streams, emit, timers = globalThis) {
  const held = new Set();
  const send = (h) => {
    if (!held.delete(h)) return;
    timers.clearTimeout(h.timer);
    emit({ ...h.event, stream: streams.match(h.tabId, h.event.url) });
  };
  const onError = (d) => {
    const e = requestEvent('error', d, streams);
    if (!e) return;
    // The browser reports a blocked or failed request before the page hook's stream.open has
    // travelled through the bridge: give the match a moment before sending it unmatched.
    if (e.stream === null && d.tabId >= 0) {
      const h = { event: e, tabId: d.tabId, timer: null };
      held.add(h);
      h.timer = timers.setTimeout(() => send(h), MATCH_GRACE_MS);
      return;
    }
    emit(e);
  };
  // Only errors that now match a stream: the others keep waiting for their own stream.open.
  const flush = (tabId) => {
    for (const h of [...held]) if (h.tabId === tabId && streams.match(tabId, h.event.url) !== null) send(h);
  };
  const onCompleted = (d) => {
    const e = requestEvent('completed', d, streams);
    if (e) emit(e);
  };
  // ws:// patterns are accepted by current Chrome and Firefox; fall back to http(s) only if not.
  const withSockets = hostMatchPatterns().concat('wss://copilot.microsoft.com/*', 'ws://127.0.0.1/*', 'ws://localhost/*');
  for (const urls of [withSockets, hostMatchPatterns()]) {
    try {
      ext.webRequest.onErrorOccurred.addListener(onError, { urls });
      ext.webRequest.onCompleted.addListener(onCompleted, { urls }, ['responseHeaders']);
      return { urls, flush };
    } catch {
      ext.webRequest.onErrorOccurred.removeListener(onError);
      ext.webRequest.onCompleted.removeListener(onCompleted);
    }
  }
  return { urls: null, flush };
}

/** Chrome's proxy.settings value or Firefox's → protocol fields (no host names, no credentials). */
export function proxyEvent(details) {
  const v = (details && details.value) || {};
  const firefox = { none: 'direct', system: 'system', autoDetect: 'auto_detect', autoConfig: 'pac_script', manual: 'fixed_servers' };
  const chrome = ['direct', 'system', 'auto_detect', 'pac_script', 'fixed_servers'];
  const mode = chrome.includes(v.mode) ? v.mode : firefox[v.proxyType] || 'unknown';
  let scheme = null;
  if (v.rules) {
    const r = v.rules.singleProxy || v.rules.proxyForHttps || v.rules.proxyForHttp;
    scheme = r && r.scheme ? r.scheme : null;
  } else if (v.proxyType === 'manual') {
    scheme = v.socks ? 'socks' + (v.socksVersion || 5) : 'http';
  }
  return { type: 'browser.proxy', ts: Date.now(), mode, levelOfControl: details && details.levelOfControl ? details.levelOfControl : null, scheme };
}

export async function reportProxy(ext, emit, caps = null) {
  try {
    emit(proxyEvent(await ext.proxy.settings.get({})));
  } catch {
    if (caps) caps.note('proxy_settings');
    // no proxy API (or private-window restriction in Firefox): no evidence
  }
}

export function watchProxy(ext, emit) {
  try {
    ext.proxy.settings.onChange.addListener((details) => emit(proxyEvent(details)));
  } catch {
    // ignore
  }
}

/** Connectivity as the worker sees it. Emits only when something changed. */
export function createConnectivity(nav, emit) {
  let last = null;
  return function check() {
    const c = nav.connection || {};
    const snap = {
      online: nav.onLine !== false,
      effectiveType: c.effectiveType || null,
      rttMs: Number.isFinite(c.rtt) ? c.rtt : null,
      downlinkMbps: Number.isFinite(c.downlink) ? c.downlink : null,
    };
    const key = JSON.stringify(snap);
    if (key === last) return false;
    last = key;
    emit({ type: 'browser.connectivity', ts: Date.now(), ...snap });
    return true;
  };
}

/** cookies.onChanged info → browser.cookie_changed for session-like cookies of chat sites. */
export function cookieEvent(info) {
  const c = info && info.cookie;
  if (!c) return null;
  const site = siteForHost(String(c.domain || '').replace(/^\./, ''));
  const parent = site.id === 'generic' ? siteForHost('www.' + String(c.domain || '').replace(/^\./, '')) : site;
  if (parent.id === 'generic') return null;
  const known = parent.sessionCookies.includes(c.name);
  if (!known && !COOKIE_NAME_RE.test(c.name)) return null;
  // A page script can set any session-like name: only the site's known names travel as written,
  // any other as a hash (the host hashes again; docs/security.md).
  const name = known ? c.name : hashSegment(String(c.name));
  return { type: 'browser.cookie_changed', ts: Date.now(), site: parent.id, name, removed: !!info.removed, cause: info.cause || null };
}

export function watchCookies(ext, emit) {
  ext.cookies.onChanged.addListener((info) => {
    const e = cookieEvent(info);
    if (e) emit(e);
  });
}
