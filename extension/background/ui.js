// Handlers for messages from our own pages (popup, options). The router has already checked that
// the sender is one of our extension pages.
import { ext, t } from '../src/ext.js';
import { siteForHost, siteById } from '../src/common/sites.js';
import { DISABLED_KEY } from './remedies.js';
import { tabOfNotification } from './notify.js';

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS = { sites: {}, stallFloorS: 0, notifications: true, notifyGeneric: false, record: false };
export const OUTCOME_KEY = 'lastOutcome';
export const OUTCOME_TTL_MS = 10 * 60_000;
const OUTCOME_NOTE = 'sd:outcome';
const REMINDED_KEY = 'remindedDisabled';
const HOST_REQUESTS = new Set(['probe', 'report', 'diagnose', 'history', 'flush_dns', 'ping', 'config.get']);
const ACTIONS = new Set(['regenerate', 'hard_reload', 'clear_site_session', 'disable_extension', 'enable_extension', 'open_status', 'flush_dns', 'probe', 'open_doh_settings', 'open_proxy_settings']);

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
    notifyGeneric: s.notifyGeneric === true,
    record: s.record === true,
  };
}

/** An action's outcome where the user will see it: stored for the popup's next opening, and as a
 * notification when the action opened a tab (a toolbar popup closes when a tab opens). */
async function reportOutcome(result, args, log = () => {}) {
  const outcome = { text: String(result.message || ''), ok: !!result.ok, at: Date.now(), tabId: Number.isInteger(args.tabId) ? args.tabId : null };
  if (!outcome.text) return;
  await ext.storage.local.set({ [OUTCOME_KEY]: outcome }).catch(() => {});
  if (!result.openedTab) return;
  const options = { type: 'basic', iconUrl: ext.runtime.getURL('icons/icon-128.png'), title: t('popupTitle'), message: outcome.text, priority: 0 };
  await ext.notifications.create(OUTCOME_NOTE, options).then(() => log({ id: OUTCOME_NOTE, title: options.title, message: outcome.text }), () => {});
}

/** Runs an action for the popup or a notification button; the break's notification goes. */
export async function runAction({ remedies, breaks, log }, action, args) {
  const result = await remedies(action, args);
  if (Number.isInteger(args.tabId)) await breaks.handled(args.tabId).catch(() => {});
  await reportOutcome(result, args, log);
  return result;
}

/** The extensions StreamDoctor turned off for a test are still off after a restart: say so. */
export async function remindDisabled({ ext: api, inventory, log = () => {} }) {
  const session = await api.storage.session.get(REMINDED_KEY);
  if (session[REMINDED_KEY]) return false;
  await api.storage.session.set({ [REMINDED_KEY]: true });
  const got = await api.storage.local.get(DISABLED_KEY);
  const ids = got[DISABLED_KEY] || [];
  const names = ids.map((id) => (inventory.list().find((x) => x.id === id) || {}).name).filter(Boolean);
  if (!ids.length) return false;
  const message = t('remindDisabled', [names.length ? names.join(', ') : String(ids.length)]);
  await api.notifications.create('sd:remind', { type: 'basic', iconUrl: api.runtime.getURL('icons/icon-128.png'), title: t('popupTitle'), message, priority: 1 });
  log({ id: 'sd:remind', message });
  return true;
}

export function createNotificationHandlers({ ext: api, breaks, remedies, log }) {
  const openPopup = (tabId) => api.tabs.create({ url: api.runtime.getURL('popup/popup.html') + (Number.isInteger(tabId) ? '?tab=' + tabId : '') });
  return {
    onClicked(id) {
      openPopup(tabOfNotification(id));
    },
    async onButtonClicked(id) {
      const tabId = tabOfNotification(id);
      const what = breaks.buttonAction(id);
      if (!what) return openPopup(tabId);
      return runAction({ remedies, breaks, log }, what.action.action, { tabId, siteId: what.brk.site, extensionId: what.action.extensionId });
    },
  };
}

/** What the popup needs about this browser to name the install path (platformInfo.os). */
async function platform() {
  try {
    return (await ext.runtime.getPlatformInfo()).os;
  } catch {
    return null;
  }
}

export function createUiHandlers({ link, streams, breaks, inventory, remedies, caps = null, log = () => {} }) {
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
      const stored = await ext.storage.local.get([DISABLED_KEY, OUTCOME_KEY]).catch(() => ({}));
      const outcome = stored[OUTCOME_KEY] && Date.now() - stored[OUTCOME_KEY].at < OUTCOME_TTL_MS ? stored[OUTCOME_KEY] : null;
      if (tab) {
        ext.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => {}); // seen
        await breaks.seen(tab.id).catch(() => {});
      }
      return {
        ok: true,
        connection: link.state,
        connectionDetail: link.detail,
        hostInfo: link.hostInfo,
        tabId: Number.isInteger(tabId) ? tabId : null,
        site: site ? { id: site.id, statusPage: site.statusPage.page, regenerate: !!site.regenerate } : null,
        os: await platform(),
        outcome,
        streams: Number.isInteger(tabId) ? streams.forTab(tabId) : [],
        streamingTabs: streams.streamingTabs(),
        breaks: tabFirst(await breaks.list(), tabId),
        extensions: inventory.list(),
        disabledForTest: stored[DISABLED_KEY] || [],
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
      const args = msg.args && typeof msg.args === 'object' ? msg.args : {};
      if (msg.action === 'dismiss') return { ok: (await breaks.dismiss(String(args.breakId))) > 0 };
      if (msg.action === 'test_helper') return testHelper(link);
      if (!ACTIONS.has(msg.action)) return { ok: false, error: 'unknown_action' };
      return runAction({ remedies, breaks, log }, msg.action, args);
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

/** "Test again": reconnect now and wait (bounded) for the helper's hello; the result in words. */
export async function testHelper(link, waitMs = 4000) {
  link.retryNow();
  const deadline = Date.now() + waitMs;
  while (link.state === 'connecting' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const state = link.state;
  return { ok: state === 'connected', state, message: t('test_' + (['connected', 'missing', 'forbidden'].includes(state) ? state : 'other')) };
}
