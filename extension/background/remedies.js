// One-click remedies the browser allows. Each returns {ok, message, ...} and never throws:
// `message` is the outcome in plain words (outcomes.js), shown in the popup, or as a notification
// when the action opened a tab and the toolbar popup closed with it (`openedTab`).
import { siteById, siteForHost } from '../src/common/sites.js';
import { dnsInternalsUrl, isFirefox, t } from '../src/ext.js';
import { siteName } from '../src/common/words.js';
import { flushOutcome, probeOutcome, statusOutcome } from './outcomes.js';

export const DISABLED_KEY = 'disabledForTest';

/** Origins whose session data "clear this site" removes: the site's own hosts only. */
export function siteOrigins(site) {
  return site.hosts.map((h) => (site.id === 'lab' ? 'http://' : 'https://') + h);
}

/** "systemd-resolved: denied" lines from a flush.result, or the error name. */
export function flushSummary(reply) {
  if (!reply || reply.type !== 'flush.result') return reply && reply.name ? String(reply.name) : 'no reply';
  const steps = (reply.steps || []).map((s) => `${s.cache}: ${s.status}`);
  return steps.length ? steps.join(', ') : 'no OS DNS cache on this machine';
}

/** "dns ok, tcp ok, tls timeout" from a probe.result. */
export function probeSummary(reply) {
  const ev = (reply && Array.isArray(reply.evidence) ? reply.evidence : []).map((e) => `${String(e.type).replace(/^probe\./, '')} ${e.outcome || e.indicator || '?'}`);
  return ev.length ? ev.join(', ') : 'no probe results';
}

/**
 * Opens a browser page. Firefox refuses privileged about: pages to add-ons (MDN tabs.create):
 * the reply then says which address to type instead of passing on "Illegal URL".
 */
export async function openBrowserPage(ext, url, words = t) {
  try {
    await ext.tabs.create({ url });
    return { ok: true };
  } catch {
    return { ok: false, error: words('openItYourself', [url]), manual: url };
  }
}

export function createRemedies({ ext, link, storage, words = t }) {
  const tabSite = async (tabId) => {
    const tab = await ext.tabs.get(tabId);
    return { tab, site: siteForHost(new URL(tab.url).hostname) };
  };
  const nameOf = async (siteId, tabId) => {
    const site = siteId ? siteById(siteId) : Number.isInteger(tabId) ? (await tabSite(tabId).catch(() => ({}))).site : null;
    return siteName(words, site ? site.id : 'generic');
  };
  const extName = async (id) => {
    try {
      return (await ext.management.get(id)).name;
    } catch {
      return words('out_theExtension');
    }
  };

  const actions = {
    async regenerate({ tabId, siteId }) {
      const name = await nameOf(siteId, tabId);
      let reply = null;
      try {
        reply = await ext.tabs.sendMessage(tabId, { type: 'page.regenerate' }, { frameId: 0 }); // the chat itself, not its frames
      } catch {
        reply = null; // no content script in that tab (closed, or not a chat page any more)
      }
      await ext.tabs.update(tabId, { active: true }).catch(() => {});
      if (reply && reply.outcome === 'clicked') return { ok: true, message: words('out_regenerated', [name]) };
      return { ok: false, message: words('out_noRetryControl', [name]) };
    },
    async hard_reload({ tabId, siteId }) {
      await ext.tabs.reload(tabId, { bypassCache: true });
      return { ok: true, message: words('out_reloaded', [await nameOf(siteId, tabId)]) };
    },
    async clear_site_session({ tabId, siteId }) {
      const found = Number.isInteger(tabId) ? await tabSite(tabId).catch(() => null) : null;
      const site = siteId ? siteById(siteId) : found && found.site;
      if (!site || site.id === 'generic') return { ok: false, error: 'not_a_chat_site', message: words('out_notChatSite') };
      // the site's origins, plus the tab's exact origin when it belongs to the site (a port)
      const origins = siteOrigins(site);
      const tabOrigin = found && found.site.id === site.id ? new URL(found.tab.url).origin : null;
      if (tabOrigin && !origins.includes(tabOrigin)) origins.push(tabOrigin);
      const what = { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true };
      if (isFirefox) {
        await ext.browsingData.remove({ hostnames: site.hosts }, { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true });
      } else {
        await ext.browsingData.remove({ origins }, what);
      }
      return { ok: true, origins, message: words('out_cleared', [siteName(words, site.id)]) };
    },
    async disable_extension({ extensionId }) {
      if (!extensionId || extensionId === ext.runtime.id) return { ok: false, error: 'no_extension', message: words('out_noExtension') };
      const name = await extName(extensionId);
      await ext.management.setEnabled(extensionId, false);
      const got = await storage.get(DISABLED_KEY);
      const list = (got[DISABLED_KEY] || []).filter((x) => x !== extensionId).concat(extensionId);
      await storage.set({ [DISABLED_KEY]: list });
      return { ok: true, disabled: list, message: words('out_disabled', [name]) };
    },
    async enable_extension({ extensionId }) {
      const name = await extName(extensionId);
      await ext.management.setEnabled(extensionId, true);
      const got = await storage.get(DISABLED_KEY);
      await storage.set({ [DISABLED_KEY]: (got[DISABLED_KEY] || []).filter((x) => x !== extensionId) });
      return { ok: true, message: words('out_enabled', [name]) };
    },
    async open_status({ tabId, siteId }) {
      const site = siteId ? siteById(siteId) : (await tabSite(tabId)).site;
      const url = site && site.statusPage && site.statusPage.page;
      if (!url) return { ok: false, error: 'no_status_page', message: words('out_noStatusPage', [siteName(words, site ? site.id : 'generic')]) };
      // what the page reports, read by the helper (its status-page probe; configured targets only)
      let reply = null;
      try {
        reply = await link.request('probe', { site: site.id });
      } catch {
        reply = null;
      }
      await ext.tabs.create({ url });
      return { ok: true, url, openedTab: true, message: statusOutcome(words, siteName(words, site.id), reply) };
    },
    async flush_dns() {
      let host = null;
      try {
        host = await link.request('flush_dns', { dryRun: false });
      } catch (e) {
        host = { type: 'error', name: e.message };
      }
      // The OS flush leaves the browser's own cache and sockets: open its DNS page too.
      let opened = null;
      try {
        opened = dnsInternalsUrl();
        await ext.tabs.create({ url: opened });
      } catch {
        opened = null;
      }
      return {
        ok: !!host && host.type === 'flush.result' && host.ok === true,
        summary: flushSummary(host),
        opened,
        openedTab: !!opened,
        message: flushOutcome(words, host, opened),
      };
    },
    async probe({ siteId, tabId }) {
      const before = link.state; // retryNow turns a missing host into "connecting" for a moment
      link.retryNow();
      const name = await nameOf(siteId, tabId);
      const fields = await probeFields(siteId, tabId);
      // Probes go to chat sites only (docs/security.md): a page elsewhere is never named to the host.
      if (!fields) return { ok: false, error: 'not_a_chat_site', message: words('out_probeNotChatSite') };
      let reply = null;
      try {
        reply = await link.request('probe', fields);
      } catch (e) {
        return { ok: false, error: String(e && e.message), message: words(/missing|forbidden/.test(before + String(e && e.message)) ? 'out_probeNoHelper' : 'out_probeNoAnswer') };
      }
      return { ok: true, summary: probeSummary(reply), message: probeOutcome(words, name, reply) };
    },
    async open_doh_settings() {
      const r = await openBrowserPage(ext, isFirefox ? 'about:preferences#privacy' : 'chrome://settings/security', words);
      return { ...r, openedTab: r.ok, message: r.ok ? words('out_dohOpened') : r.error };
    },
    async open_proxy_settings() {
      const r = await openBrowserPage(ext, isFirefox ? 'about:preferences#general' : 'chrome://settings/system', words);
      return { ...r, openedTab: r.ok, message: r.ok ? words('out_proxyOpened') : r.error };
    },
  };

  /** `{site}` for a chat site's break or tab, else null: never the host name of some other page. */
  async function probeFields(siteId, tabId) {
    if (siteId && siteById(siteId) && siteId !== 'generic') return { site: siteId };
    if (!Number.isInteger(tabId)) return null;
    let site;
    try {
      site = siteForHost(new URL((await ext.tabs.get(tabId)).url).hostname);
    } catch {
      return null;
    }
    return site && site.id !== 'generic' ? { site: site.id } : null;
  }

  return async function run(action, args = {}) {
    const fn = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : null;
    if (!fn) return { ok: false, error: 'unknown_action', message: words('out_failed') };
    try {
      return await fn(args);
    } catch (e) {
      return { ok: false, error: String((e && e.message) || e).slice(0, 200), message: words('out_failed') };
    }
  };
}
