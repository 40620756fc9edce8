// Isolated-world bridge: the only listener on the hook's private channel. It re-validates every
// message (wire.js: whitelisted types, fields and value patterns — never free text), forwards it
// to the service worker, and tells the hook the user's settings (site on/off, stall floor).
import { HELLO_EVENT, cleanHookEvent } from '../common/wire.js';
import { siteForHost } from '../common/sites.js';
import { installRegenerate } from './regenerate.js';

export const SETTINGS_KEY = 'settings';

export function installBridge({ doc, api, hostname, randomHex }) {
  const name = 'sd-' + randomHex();
  const site = siteForHost(hostname);
  let helloOpen = true;
  let forwarded = 0;

  const sayHello = () => doc.dispatchEvent(new CustomEvent(HELLO_EVENT, { detail: 'bridge:' + name }));
  const onHello = (ev) => {
    if (ev.detail === 'hook') sayHello();
  };
  const closeHello = () => {
    if (!helloOpen) return;
    helloOpen = false;
    doc.removeEventListener(HELLO_EVENT, onHello);
  };

  const sendConfig = async () => {
    try {
      const stored = await api.storage.local.get(SETTINGS_KEY);
      const cfg = configFor(site.id, stored && stored[SETTINGS_KEY]);
      doc.dispatchEvent(new CustomEvent(name + ':cfg', { detail: JSON.stringify(cfg) }));
    } catch {
      // storage unavailable: the hook keeps its defaults
    }
  };

  const onMessage = (ev) => {
    const detail = ev.detail;
    if (detail === 'ready') {
      closeHello();
      sendConfig();
      return;
    }
    let msg = null;
    try {
      msg = typeof detail === 'string' && detail.length < 4096 ? JSON.parse(detail) : null;
    } catch {
      msg = null;
    }
    const event = cleanHookEvent(msg);
    if (!event) return;
    forwarded++;
    try {
      const p = api.runtime.sendMessage({ type: 'hook.event', event });
      if (p && typeof p.catch === 'function') p.catch(() => {});
    } catch {
      // the extension was reloaded under this page: nothing to forward to
    }
  };

  doc.addEventListener(HELLO_EVENT, onHello);
  doc.addEventListener(name, onMessage);
  // A cross-document navigation or reload kills the page's streams while its scripts are being
  // stopped, so the hook never reports their end: the worker ends them as `aborted` instead.
  // A page kept in the back/forward cache (persisted) may resume, so it is left alone (HTML
  // spec, "unloading documents": pagehide's persisted flag).
  const win = doc.defaultView;
  if (win && typeof win.addEventListener === 'function') {
    win.addEventListener('pagehide', (ev) => {
      // Only the browser's own pagehide: a page script can dispatch one too (DOM events cross
      // worlds), and it would end every stream of the tab as `aborted`, hiding a real break.
      // isTrusted is [LegacyUnforgeable] (DOM §2.2), so the page cannot fake it.
      if (!ev || ev.isTrusted !== true || ev.persisted) return;
      try {
        const p = api.runtime.sendMessage({ type: 'page.hide' });
        if (p && typeof p.catch === 'function') p.catch(() => {});
      } catch {
        // the extension was reloaded under this page
      }
    });
  }
  installRegenerate({ doc, api, site });
  sayHello();
  try {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[SETTINGS_KEY]) sendConfig();
    });
  } catch {
    // no storage events: settings apply on the next page load
  }
  return {
    name,
    get forwarded() {
      return forwarded;
    },
  };
}

/** The hook's view of the settings: {enabled, stallFloorMs}. */
export function configFor(siteId, settings) {
  const s = settings && typeof settings === 'object' ? settings : {};
  const sites = s.sites && typeof s.sites === 'object' ? s.sites : {};
  const floorS = Number(s.stallFloorS);
  return {
    enabled: sites[siteId] !== false,
    stallFloorMs: Number.isFinite(floorS) && floorS > 0 ? Math.min(600, floorS) * 1000 : 0,
  };
}
