// The breaks the user is told about: host diagnoses, and breaks from browser evidence alone
// (local-breaks.js, stage "browser") while the helper app is not connected. Keeps the last breaks,
// badges the icon, notifies once per break (notify.js coalesces per tab). Dedupe is by breakId and
// survives worker restarts (notified ids live in storage.local). A host verdict for a stream that
// has a browser-only break replaces it in place: same card, the notification refreshed, not a
// second one. A `stage:"probed"` update of a known break replaces the stored diagnosis.
import { findingsOf } from '../src/common/words.js';
import { createNotifier, tabOfBreak } from './notify.js';

export const BREAKS_KEY = 'lastBreaks';
export const NOTIFIED_KEY = 'notifiedBreaks';
export const MAX_BREAKS = 20;
export const MAX_NOTIFIED = 200;

export function topFinding(brk) {
  return findingsOf(brk)[0] || null;
}

/**
 * deps: {storage: {local, session}, notifications, action, t, settings() → {notifications},
 *        log(entry), caps (optional, capabilities.js), iconUrl, now()} — promise-returning browser
 *        APIs (fakes in tests).
 */
export function createBreaks(deps) {
  let breaks = [];
  let notified = [];
  let loaded = null;
  const notifier = createNotifier(deps);

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

  async function badge(brk, text = '!') {
    try {
      const tabId = tabOfBreak(brk);
      const opts = tabId !== null ? { tabId } : {};
      await deps.action.setBadgeBackgroundColor({ color: '#b3261e', ...opts });
      await deps.action.setBadgeText({ text, ...opts });
    } catch {
      // the tab is gone
    }
  }

  /** Stores a break (new or refreshed), badges and notifies. Returns 'new' | 'updated'. */
  async function store(brk, stage) {
    const i = breaks.findIndex((b) => b.breakId === brk.breakId || (b.stage === 'browser' && b.stream === brk.stream && stage !== 'browser'));
    const prev = i >= 0 ? breaks[i] : null;
    const stored = { ...brk, stage, receivedAt: Date.now() };
    // the browser's view of what dropped (reset, WebSocket drop) stays when the host's verdict comes
    if (prev && prev.kind && !stored.kind) stored.kind = prev.kind;
    if (prev && prev.dismissed && prev.breakId === brk.breakId) stored.dismissed = true;
    if (i >= 0) breaks.splice(i, 1);
    breaks.unshift(stored);
    breaks = breaks.slice(0, MAX_BREAKS);
    const already = !!prev || notified.includes(brk.breakId);
    if (!already) notified = notified.concat(brk.breakId).slice(-MAX_NOTIFIED);
    await save();
    if (!already) await badge(brk);
    try {
      await notifier.show(stored, !already);
    } catch {
      // notifications unavailable: the popup still shows the break
    }
    return already ? 'updated' : 'new';
  }

  async function handle(msg) {
    await load();
    const brk = msg && msg.break;
    if (!brk || typeof brk.breakId !== 'string') return 'invalid';
    return store(brk, msg.stage || 'evidence');
  }

  let chain = Promise.resolve();
  const serial = (fn) => {
    const run = chain.then(fn);
    chain = run.catch(() => {});
    return run;
  };
  const update = (pred, change) => serial(async () => {
    await load();
    let n = 0;
    breaks = breaks.map((b) => (pred(b) ? (n++, { ...b, ...change }) : b));
    if (n) await save();
    return n;
  });

  return {
    load,
    /** Handles a host `diagnosis` message, one at a time. Returns 'new' | 'updated' | 'invalid'. */
    onDiagnosis: (msg) => serial(() => handle(msg)),
    /** A break from browser evidence alone (local-breaks.js), while the helper is away. */
    onLocal: (brk) => serial(async () => {
      await load();
      // the host's verdict for this stream already came: it knows better
      if (breaks.some((b) => (b.breakId === brk.breakId || b.stream === brk.stream) && b.stage !== 'browser')) return 'host';
      return store(brk, 'browser');
    }),
    /** A browser-only break that turned out not to be one (a stall that recovered, a cancel). */
    withdrawLocal: (breakId) => serial(async () => {
      await load();
      const gone = breaks.find((b) => b.breakId === breakId && b.stage === 'browser');
      if (!gone) return 0;
      breaks = breaks.filter((b) => b !== gone);
      await save();
      await notifier.clearTab(tabOfBreak(gone)); // it was never a break: take its word back too
      return 1;
    }),
    /** The popup showed this tab's breaks: they are seen, the tab's notification goes. */
    async seen(tabId) {
      await notifier.clearTab(tabId);
      return update((b) => tabOfBreak(b) === tabId && !b.seen, { seen: true });
    },
    /** The user closed a card: it stays in the history, out of the popup. */
    dismiss: (breakId) => update((b) => b.breakId === breakId, { dismissed: true }),
    /** The user acted on a break: its notification goes (the action reports its own outcome). */
    handled: (tabId) => notifier.clearTab(tabId),
    buttonAction: (id) => notifier.buttonAction(id),
    async list() {
      await load();
      return breaks.slice();
    },
    /** The breaks known right now, without waiting for storage (for the sync test snapshot). */
    cached: () => breaks.slice(),
    async find(breakId) {
      await load();
      return breaks.find((b) => b.breakId === breakId) || null;
    },
  };
}
