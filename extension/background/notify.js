// Break notifications: one per tab, coalesced, cleared once the popup has shown the break (issue
// 18). A page that breaks stream after stream gets one notification that counts ("3 answers from
// ChatGPT broke"), at most one new one per tab per COALESCE_MS; pages without a site adapter
// (`generic`) notify only when the user asked for it (settings.notifyGeneric): a hostile page can
// then not flood the user. The words come from src/common/words.js, the same as the popup's.
import { createNotification } from './capabilities.js';
import { headline, primaryAction, siteName } from '../src/common/words.js';
import { siteById } from '../src/common/sites.js';

export const COALESCE_MS = 60_000;
// Actions a notification button may run directly; the rest open the popup (they need a choice).
const DIRECT = new Set(['regenerate', 'flush_dns', 'open_status', 'hard_reload', 'clear_site_session', 'probe']);

export function tabOfBreak(brk) {
  const n = Number(String((brk && brk.stream) || '').split(':')[0]);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export function notificationId(tabId) {
  return 'sd:tab:' + (Number.isInteger(tabId) ? tabId : 'none');
}

export function tabOfNotification(id) {
  const m = /^sd:tab:(\d+)$/.exec(String(id));
  return m ? Number(m[1]) : null;
}

/** Notification options (+ the action behind its one button) for a break seen `count` times. */
export function notificationFor(t, brk, { count = 1, iconUrl = 'icons/icon-128.png' } = {}) {
  const site = siteById(brk.site);
  const head = headline(t, brk, {});
  const act = primaryAction(t, brk, { canRegenerate: !!(site && site.regenerate), statusPage: !!(site && site.statusPage && site.statusPage.page) });
  const direct = act && act.action && DIRECT.has(act.action) ? act : null;
  const title = count > 1 ? t('notifyMany', [String(count), siteName(t, brk.site)]) : head.text;
  const message = count > 1 ? t('notifyLatest', [head.text]) : head.note || t('notifyOpen');
  return {
    type: 'basic',
    iconUrl, // absolute: Chrome fails a relative icon path from a worker ("Unable to download")
    title,
    message,
    buttons: direct ? [{ title: direct.label }] : [],
    action: direct,
    priority: 1,
  };
}

/** deps: {notifications, t, iconUrl, settings() → {notifications, notifyGeneric}, log(entry), caps, now()} */
export function createNotifier(deps) {
  const now = deps.now || Date.now;
  const byTab = new Map(); // tabId → {id, at, count, breakIds: Set, brk, action}

  async function isShown(id) {
    try {
      const all = await deps.notifications.getAll();
      return !!(all && all[id]);
    } catch {
      return false;
    }
  }

  async function put(id, entry, update) {
    const n = notificationFor(deps.t, entry.brk, { count: entry.count, iconUrl: deps.iconUrl });
    const { action, ...options } = n;
    entry.action = action;
    if (!options.buttons.length) delete options.buttons;
    let updated = false;
    if (update && typeof deps.notifications.update === 'function') {
      if (deps.caps && deps.caps.has('notification_buttons')) delete options.buttons;
      updated = await deps.notifications.update(id, options).then((ok) => ok !== false, () => false);
    }
    // Firefox has no notifications.update (MDN): creating with the same id replaces it there
    if (!updated) await createNotification(deps.notifications, id, { type: 'basic', ...options }, deps.caps);
    deps.log({ id, breakId: entry.brk.breakId, title: options.title, message: options.message, count: entry.count, update });
  }

  return {
    /** A break to tell the user about: `isNew` false = a refreshed verdict of a known break. */
    async show(brk, isNew) {
      const s = await deps.settings();
      if (s.notifications === false) return 'off';
      if ((brk.site || 'generic') === 'generic' && s.notifyGeneric !== true) return 'generic';
      const tabId = tabOfBreak(brk);
      const id = notificationId(tabId);
      const entry = byTab.get(tabId);
      const shown = entry ? await isShown(id) : false;
      if (!isNew) {
        // refresh only what is still on screen, and only while it shows this break
        if (!entry || !shown || entry.brk.breakId !== brk.breakId) return 'gone';
        entry.brk = brk;
        await put(id, entry, true);
        return 'updated';
      }
      if (entry && shown && now() - entry.at < COALESCE_MS) {
        entry.count++;
        entry.brk = brk;
        entry.breakIds.add(brk.breakId);
        await put(id, entry, true);
        return 'coalesced';
      }
      const fresh = { id, at: now(), count: 1, breakIds: new Set([brk.breakId]), brk, action: null };
      byTab.set(tabId, fresh);
      await deps.notifications.clear(id).catch(() => {});
      await put(id, fresh, false);
      return 'created';
    },
    /** The popup showed this tab's breaks, or the user acted on one: the notification goes. */
    async clearTab(tabId) {
      const id = notificationId(tabId);
      byTab.delete(tabId);
      try {
        return await deps.notifications.clear(id);
      } catch {
        return false;
      }
    },
    /** {action, brk} behind a notification's button (null after a worker restart: open the popup). */
    buttonAction(id) {
      const entry = byTab.get(tabOfNotification(id));
      return entry && entry.action ? { action: entry.action, brk: entry.brk } : null;
    },
  };
}
