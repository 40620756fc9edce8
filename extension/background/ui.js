// Handlers for messages from our own pages (popup, options). The router has already checked that
// the sender is one of our extension pages.
import { ext } from '../src/ext.js';
import { siteForHost, siteById } from '../src/common/sites.js';
import { DISABLED_KEY } from './remedies.js';

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS = { sites: {}, stallFloorS: 0, notifications: true, record: false };
const HOST_REQUESTS = new Set(['probe', 'report', 'diagnose', 'history', 'flush_dns', 'ping', 'config.get']);
const ACTIONS = new Set(['hard_reload', 'clear_site_session', 'disable_extension', 'enable_extension', 'open_status', 'flush_dns', 'probe', 'open_doh_settings', 'open_proxy_settings']);

/** This tab's breaks first (newest first), then the other tabs' (newest first). */
export function tabFirst(list, tabId) {
  const mine = (b) => Number(String(b.stream || '').split(':')[0]) === tabId;
  return list.filter(mine).concat(list.filter((b) => !mine(b)));
}

export async function loadSettings() {
  try {
    const got = await ext.storage.local.get(SETTINGS_KEY);
    return { ...DEFAULT_SETTINGS, ...(got[SETTINGS_KEY] || {}) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Validates settings from the options page; unknown keys are dropped. */
export function cleanSettings(input) {
  const s = input && typeof input === 'object' ? input : {};
  const sites = {};
  for (const [k, v] of Object.entries(s.sites || {})) if (siteById(k) && typeof v === 'boolean') sites[k] = v;
  const floor = Number(s.stallFloorS);
  return {
    sites,
    stallFloorS: Number.isFinite(floor) ? Math.max(0, Math.min(600, Math.round(floor))) : 0,
    notifications: s.notifications !== false,
    record: s.record === true,
  };
}

export function createUiHandlers({ link, streams, breaks, inventory, remedies, caps = null }) {
  return {
    async 'ui.state'(msg) {
      const tabId = Number(msg.tabId);
      let tab = null;
      try {
        tab = Number.isInteger(tabId) && tabId >= 0 ? await ext.tabs.get(tabId) : null;
      } catch {
        tab = null;
      }
      let site = null;
      try {
        site = tab && tab.url ? siteForHost(new URL(tab.url).hostname) : null;
      } catch {
        site = null;
      }
      const disabled = await ext.storage.local.get(DISABLED_KEY).catch(() => ({}));
      if (tab) ext.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => {}); // seen
      return {
        ok: true,
        connection: link.state,
        connectionDetail: link.detail,
        hostInfo: link.hostInfo,
        tabId: Number.isInteger(tabId) ? tabId : null,
        site: site ? { id: site.id, statusPage: site.statusPage.page } : null,
        streams: Number.isInteger(tabId) ? streams.forTab(tabId) : [],
        streamingTabs: streams.streamingTabs(),
        breaks: tabFirst(await breaks.list(), tabId),
        extensions: inventory.list(),
        disabledForTest: disabled[DISABLED_KEY] || [],
        settings: await loadSettings(),
        gaps: caps ? caps.list() : [],
      };
    },
    async 'ui.request'(msg) {
      if (!HOST_REQUESTS.has(msg.request)) return { ok: false, error: 'unknown_request' };
      try {
        const fields = msg.fields && typeof msg.fields === 'object' ? msg.fields : {};
        return { ok: true, reply: await link.request(msg.request, fields) };
      } catch (e) {
        return { ok: false, error: String(e && e.message) };
      }
    },
    async 'ui.action'(msg) {
      if (!ACTIONS.has(msg.action)) return { ok: false, error: 'unknown_action' };
      return remedies(msg.action, msg.args && typeof msg.args === 'object' ? msg.args : {});
    },
    async 'ui.settings'(msg) {
      const before = await loadSettings();
      const next = cleanSettings(msg.settings);
      await ext.storage.local.set({ [SETTINGS_KEY]: next });
      let hostOk = null;
      if (next.record !== before.record || msg.forceConfig) {
        try {
          await link.request('config.set', { values: { record: next.record } });
          hostOk = true;
        } catch (e) {
          hostOk = String(e && e.message);
        }
      }
      return { ok: true, settings: next, hostOk };
    },
    async 'ui.report'(msg) {
      try {
        const reply = await link.request('report', msg.breakId ? { breakId: msg.breakId, format: 'md' } : { last: true, format: 'md' });
        const text = [reply.content, reply.text].find((x) => typeof x === 'string'); // protocol: `content`
        return { ok: true, text: text || JSON.stringify(reply, null, 2), from: 'host' };
      } catch (e) {
        return { ok: false, error: String(e && e.message) };
      }
    },
  };
}
