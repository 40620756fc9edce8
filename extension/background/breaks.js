// Diagnoses from the host: keep the last breaks, badge the icon, notify once per break.
// Dedupe is by breakId and survives worker restarts (notified ids live in storage.local), so two
// tabs or a restarted worker never notify the same break twice. A `stage:"probed"` update of a
// known break replaces the stored diagnosis and updates a still-visible notification in place.
import { causeTitle, actionableRemedies, remedyLabel } from '../src/common/causes.js';
import { createNotification } from './capabilities.js';

export const BREAKS_KEY = 'lastBreaks';
export const NOTIFIED_KEY = 'notifiedBreaks';
export const MAX_BREAKS = 20;
export const MAX_NOTIFIED = 200;

export function topFinding(brk) {
  const f = (brk && Array.isArray(brk.findings) ? brk.findings : []).slice();
  f.sort((a, b) => (b.confidence || 0) - (a.confidence || 0));
  return f[0] || null;
}

/** Notification content for a break: title from the top cause, up to two remedy buttons. */
export function notificationFor(t, brk, stage, iconUrl = 'icons/icon-128.png') {
  const top = topFinding(brk);
  const cause = top ? top.cause : 'stream.dropped_unexplained';
  const pct = Math.round(100 * (top ? top.confidence || 0 : 0));
  const remedies = actionableRemedies(top ? top.remedies : [], 2);
  return {
    type: 'basic',
    iconUrl, // absolute: Chrome fails a relative icon path from a worker ("Unable to download")
    title: t('breakNotificationTitle', [causeTitle(t, cause)]),
    message: t('breakNotificationBody', [brk.site || '', String(pct)]) + (stage === 'evidence' ? ' ' + t('stagePending') : ''),
    buttons: remedies.map((r) => ({ title: remedyLabel(t, r) })),
    remedies,
    priority: 1,
  };
}

/**
 * deps: {storage: {local, session}, notifications, action, t, settings() → {notifications},
 *        log(entry), caps (optional, capabilities.js)} — all promise-returning browser APIs (fakes in tests).
 */
export function createBreaks(deps) {
  let breaks = [];
  let notified = [];
  let loaded = null;
  const buttonRemedies = new Map(); // notification id → remedy ids

  async function load() {
    if (!loaded) {
      loaded = (async () => {
        const got = await deps.storage.local.get([BREAKS_KEY, NOTIFIED_KEY]);
        breaks = Array.isArray(got[BREAKS_KEY]) ? got[BREAKS_KEY] : [];
        notified = Array.isArray(got[NOTIFIED_KEY]) ? got[NOTIFIED_KEY] : [];
      })();
    }
    return loaded;
  }

  async function save() {
    await deps.storage.local.set({ [BREAKS_KEY]: breaks, [NOTIFIED_KEY]: notified });
  }

  async function badge(brk) {
    try {
      const tabId = Number(String(brk.stream || '').split(':')[0]);
      const opts = Number.isInteger(tabId) && tabId >= 0 ? { tabId } : {};
      await deps.action.setBadgeBackgroundColor({ color: '#b3261e', ...opts });
      await deps.action.setBadgeText({ text: '!', ...opts });
    } catch {
      // the tab is gone
    }
  }

  async function notify(brk, stage, update) {
    const s = await deps.settings();
    if (s.notifications === false) return;
    const id = 'sd:' + brk.breakId;
    const n = notificationFor(deps.t, brk, stage, deps.iconUrl);
    const { remedies, ...options } = n;
    if (!options.buttons.length) delete options.buttons;
    if (update) {
      const shown = await deps.notifications.getAll();
      if (!shown || !shown[id]) return;
      delete options.type;
      if (deps.caps && deps.caps.has('notification_buttons')) delete options.buttons;
      await deps.notifications.update(id, { ...options, type: 'basic' });
      deps.log({ id, title: options.title, update: true });
    } else {
      await createNotification(deps.notifications, id, options, deps.caps);
      deps.log({ id, title: options.title, update: false });
    }
    buttonRemedies.set(id, remedies);
  }

  async function handle(msg) {
    await load();
    const brk = msg && msg.break;
    if (!brk || typeof brk.breakId !== 'string') return 'invalid';
    const stored = { ...brk, stage: msg.stage || 'evidence', receivedAt: Date.now() };
    const i = breaks.findIndex((b) => b.breakId === brk.breakId);
    if (i >= 0) breaks.splice(i, 1);
    breaks.unshift(stored);
    breaks = breaks.slice(0, MAX_BREAKS);
    const already = notified.includes(brk.breakId);
    if (!already) notified = notified.concat(brk.breakId).slice(-MAX_NOTIFIED);
    await save();
    await badge(brk);
    try {
      await notify(brk, stored.stage, already);
    } catch {
      // notifications unavailable: the popup still shows the break
    }
    return already ? 'updated' : 'new';
  }

  let chain = Promise.resolve();

  return {
    load,
    /** Handles a host `diagnosis` message, one at a time. Returns 'new' | 'updated' | 'invalid'. */
    onDiagnosis(msg) {
      const run = chain.then(() => handle(msg));
      chain = run.catch(() => {});
      return run;
    },
    async list() {
      await load();
      return breaks.slice();
    },
    /** The breaks known right now, without waiting for storage (for the sync test snapshot). */
    cached: () => breaks.slice(),
    /** Remedy ids behind a notification's buttons (recomputed after a worker restart). */
    async remediesForNotification(id) {
      if (buttonRemedies.has(id)) return buttonRemedies.get(id);
      await load();
      const brk = breaks.find((b) => 'sd:' + b.breakId === id);
      return brk ? notificationFor(deps.t, brk, brk.stage).remedies : [];
    },
    async find(breakId) {
      await load();
      return breaks.find((b) => b.breakId === breakId) || null;
    },
  };
}
