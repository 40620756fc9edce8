// Page-level evidence: the site's own error banners, a page that never rendered, scripts that
// failed to load, and other code replacing our wrappers. Banner text is read and matched here;
// only the adapter's pattern id and symptom leave.
import { matchBanner } from '../common/sites.js';
import { call, isNativeFunction } from './natives.js';

export const BANNER_SCAN_DELAY_MS = 250;
export const INIT_TIMEOUT_MS = 15000;
export const REPLACED_CHECKS_MS = [0, 1000, 5000, 15000];

export function watchBanners(ctx) {
  const { g, N, site } = ctx;
  const doc = g.document;
  const seen = new N.WeakMap(); // element → last pattern id reported
  let scheduled = false;
  const scan = () => {
    scheduled = false;
    const nodes = call(N, N.querySelectorAll, doc, [site.bannerSelector]);
    if (!nodes) return;
    for (let i = 0; i < nodes.length; i++) {
      const el = nodes[i];
      const text = call(N, N.textContent, el);
      const hit = matchBanner(site, typeof text === 'string' ? text.slice(0, 2000) : '');
      if (!hit || N.apply(N.weakGet, seen, [el]) === hit.id) continue;
      N.apply(N.weakSet, seen, [el, hit.id]);
      ctx.emit('page.banner', { site: site.id, symptom: hit.symptom, pattern: hit.id });
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    N.apply(N.setTimeout, null, [scan, BANNER_SCAN_DELAY_MS]);
  };
  if (!N.MutationObserver) return;
  const observer = new N.MutationObserver(schedule);
  const root = doc.documentElement || doc;
  N.apply(N.observe, observer, [root, { childList: true, subtree: true, characterData: true }]);
}

/**
 * A page that never came up, judged INIT_TIMEOUT_MS after document_start:
 *   not_loaded   DOMContentLoaded never fired: a parser-blocking or deferred script never arrived,
 *                so the app's code never ran (HTML § 13.2.7 "the end": deferred scripts run before
 *                DOMContentLoaded);
 *   script_error a script failed to load and the app root stayed empty, or one of the page's own
 *                scripts failed and the page never grew a single element after DOMContentLoaded (a
 *                server-rendered shell whose bundle failed: rendered, but never initialised);
 *   no_app_root  the app root stayed empty with no failed script.
 * A page whose app ran (DOM grew) with a failed third-party script is no break.
 */
export function watchInit(ctx) {
  const { g, N, site } = ctx;
  const doc = g.document;
  let failedScripts = 0;
  let failedOwn = 0; // of the page's own origin or site hosts: its app, not a blocked tracker
  let elementsAtReady = null;
  const countElements = () => (call(N, N.querySelectorAll, doc, ['*']) || []).length;
  N.apply(N.addEventListener, g, [
    'error',
    (ev) => {
      const target = N.apply(N.eventTarget, ev, []);
      if (!target || target === g || call(N, N.tagName, target) !== 'SCRIPT') return;
      failedScripts++;
      if (isOwnScript(ctx, call(N, N.scriptSrc, target))) failedOwn++;
    },
    true,
  ]);
  // The hook normally runs at document_start (readyState "loading"); injected later, the parser
  // is already done and DOMContentLoaded will not come again.
  const readyState = call(N, N.readyState, doc);
  if (readyState !== undefined && readyState !== 'loading') elementsAtReady = countElements();
  N.apply(N.addEventListener, doc, ['DOMContentLoaded', () => {
    elementsAtReady = countElements();
  }]);
  N.apply(N.setTimeout, null, [
    () => {
      const reason = initFailure({ failedScripts, failedOwn }, elementsAtReady, elementsAtReady === null ? 0 : countElements(),
        isRendered(N, doc, site.appRoot));
      if (reason) ctx.emit('page.init_failed', { site: site.id, reason, failedScripts });
    },
    ctx.initTimeoutMs ?? INIT_TIMEOUT_MS,
  ]);
}

/**
 * The page.init_failed reason for what the page did by the deadline, or null when it came up.
 * A rendered page counts as stuck only for a failed script of its own (origin or site hosts):
 * an ad blocker blocking a third-party tracker on a page whose DOM happens not to grow is no break.
 */
export function initFailure(scripts, elementsAtReady, elementsNow, rendered) {
  if (elementsAtReady === null) return 'not_loaded';
  if (!rendered) return scripts.failedScripts > 0 ? 'script_error' : 'no_app_root';
  if (scripts.failedOwn > 0 && elementsNow <= elementsAtReady) return 'script_error';
  return null;
}

function isOwnScript(ctx, src) {
  if (typeof src !== 'string' || !src) return false;
  try {
    const host = call(ctx.N, ctx.N.urlHostname, new ctx.N.URL(src, ctx.g.location.href));
    return host === ctx.g.location.hostname || ctx.site.hosts.includes(host);
  } catch {
    return false;
  }
}

const NOT_CONTENT = ['SCRIPT', 'STYLE', 'LINK', 'NOSCRIPT', 'TEMPLATE', 'META'];

/** True when some element matching the app-root selector holds content (scripts do not count). */
export function isRendered(N, doc, selector) {
  const nodes = call(N, N.querySelectorAll, doc, [selector]) || [];
  for (let i = 0; i < nodes.length; i++) {
    const el = nodes[i];
    if (NOT_CONTENT.includes(call(N, N.tagName, el))) continue;
    if (call(N, N.childCount, el) > 0 || (call(N, N.textContent, el) || '').length > 0) return true;
  }
  return false;
}

const WATCHED_APIS = ['fetch', 'WebSocket', 'EventSource'];

/** Before: the original we found was not native. After: someone replaced our wrapper. */
export function checkOriginals(ctx, stealth) {
  const { g, N } = ctx;
  const found = [];
  for (const api of WATCHED_APIS) {
    if (typeof g[api] === 'function' && !isNativeFunction(N, stealth.toString, g[api])) found.push(api);
  }
  return found;
}

export function watchReplacements(ctx, wrappers) {
  const { g, N } = ctx;
  const reported = [];
  const check = () => {
    for (const api of WATCHED_APIS) {
      const mine = wrappers[api];
      if (!mine || reported.includes(api)) continue;
      const d = N.getOwnPropertyDescriptor(g, api);
      // An accessor or a different value both mean someone else now answers for the API.
      if (d && 'value' in d && d.value === mine) continue;
      reported.push(api);
      ctx.emit('page.hook_replaced', { site: ctx.site.id, api, when: 'after' });
    }
  };
  for (const delay of REPLACED_CHECKS_MS) N.apply(N.setTimeout, null, [check, delay]);
  return check;
}
