// MAIN-world hook entry: captures natives, installs the wrappers, runs the stream registry and
// the single timer that drives progress summaries and stall detection. Built into
// content/hook.js by tools/build-content.mjs (MAIN-world content scripts cannot import modules).
import { siteForHost, GENERIC } from '../common/sites.js';
import { sanitizeUrl } from '../common/sanitize.js';
import { createTracker } from '../common/tracker.js';
import { captureNatives, nowMs, call } from './natives.js';
import { createStealth } from './stealth.js';
import { createHookChannel } from './channel.js';
import { wrapFetch } from './wrap-fetch.js';
import { wrapStreams } from './wrap-streams.js';
import { wrapWebSocket, wrapEventSource } from './wrap-ws.js';
import { watchBanners, watchInit, checkOriginals, watchReplacements } from './page-watch.js';

export const TICK_MS = 1000;

export function installHook(g) {
  const N = captureNatives(g);
  const stealth = createStealth(g, N);
  const site = siteForHost(g.location.hostname);
  const channel = createHookChannel(N, g.document);
  const config = { enabled: true, stallFloorMs: 0 };
  const active = [];
  const docId = (Math.floor(N.timeOrigin) % 2176782336).toString(36);
  let counter = 0;
  let timer = null;
  let laterQueue = [];
  let laterScheduled = false;
  let checkReplaced = () => {};

  const ctx = {
    g,
    N,
    stealth,
    site,
    generic: GENERIC,
    now: () => nowMs(N),
    emit(type, fields) {
      if (!config.enabled) return;
      channel.post({ type, ts: nowMs(N), ...fields });
    },
    /** Absolute sanitized URL plus whether it belongs to the page's own site. */
    resolve(raw) {
      if (typeof raw !== 'string') return null;
      const u = new N.URL(raw, g.location.href);
      const url = sanitizeUrl(call(N, N.urlHref, u));
      if (!url) return null;
      const host = u.hostname;
      return { url, host, path: u.pathname, sameSite: host === g.location.hostname || site.hosts.includes(host) };
    },
    newStream(kind, url, startedAt, streamSite) {
      checkReplaced();
      const tracker = createTracker({ id: docId + '.' + ++counter, kind, url, site: streamSite || site, emit: ctx.emit, startedAt, stallFloorMs: config.stallFloorMs });
      active.push(tracker);
      if (timer === null) timer = N.apply(N.setInterval, null, [tick, TICK_MS]);
      return tracker;
    },
    /** Runs fn in a later task: observation work never runs inside a page event dispatch. */
    later(fn) {
      laterQueue.push(fn);
      if (laterScheduled) return;
      laterScheduled = true;
      N.apply(N.setTimeout, null, [drain, 0]);
    },
  };

  function drain() {
    laterScheduled = false;
    const jobs = laterQueue;
    laterQueue = [];
    for (const job of jobs) {
      try {
        job();
      } catch {
        // one bad frame never stops the others
      }
    }
  }

  function tick() {
    const t = nowMs(N);
    for (let i = active.length - 1; i >= 0; i--) {
      try {
        active[i].tick(t, config.stallFloorMs);
      } catch {
        // ignore
      }
      if (active[i].ended) active.splice(i, 1);
    }
    if (active.length === 0 && timer !== null) {
      N.apply(N.clearInterval, null, [timer]);
      timer = null;
    }
  }

  channel.onConfig((cfg) => {
    if (typeof cfg.enabled === 'boolean') config.enabled = cfg.enabled;
    if (typeof cfg.stallFloorMs === 'number' && cfg.stallFloorMs >= 0 && cfg.stallFloorMs <= 600000) config.stallFloorMs = cfg.stallFloorMs;
  });

  const before = checkOriginals(ctx, stealth);
  for (const api of before) ctx.emit('page.hook_replaced', { site: site.id, api, when: 'before' });

  const wrappers = {};
  const install = (api, fn) => {
    try {
      wrappers[api] = fn(ctx);
    } catch {
      // an API we cannot wrap stays untouched
    }
  };
  install('bodies', wrapStreams);
  ctx.bodies = wrappers.bodies || null;
  install('fetch', wrapFetch);
  install('WebSocket', wrapWebSocket);
  install('EventSource', wrapEventSource);
  try {
    checkReplaced = watchReplacements(ctx, wrappers);
    watchBanners(ctx);
    watchInit(ctx);
  } catch {
    // page evidence is optional
  }
  return ctx;
}
