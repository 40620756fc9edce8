// Service worker entry: wires the modules and registers every listener synchronously at the top
// level (MV3 wakes the worker for them). Startup state comes back from storage.session, so a
// restarted worker resumes its outbox and stream list cheaply.
import { ext, browserName, isFirefox, t } from '../src/ext.js';
import { createCapabilities } from './capabilities.js';
import { cleanHookEvent } from '../src/common/wire.js';
import { createOutbox, debouncedSaver, OUTBOX_KEY } from './outbox.js';
import { createRelayBudget } from './budget.js';
import { createNativeLink } from './native.js';
import { createRouter } from './router.js';
import { createStreamRegistry } from './streams.js';
import { watchRequests, watchProxy, reportProxy, createConnectivity, watchCookies } from './evidence.js';
import { createInventory } from './inventory.js';
import { createBreaks } from './breaks.js';
import { createLocalDetector, SETTLE_MS } from './local-breaks.js';
import { createRemedies, DISABLED_KEY } from './remedies.js';
import { createUiHandlers, loadSettings, createNotificationHandlers, remindDisabled } from './ui.js';

const STREAMS_KEY = 'streams';
const LOG_LIMIT = 5000;

const caps = createCapabilities({ firefox: isFirefox });
const outgoing = []; // every event handed to the host link, for tests and bug reports
const notificationsCreated = [];
const outbox = createOutbox({ save: debouncedSaver(ext.storage.session, OUTBOX_KEY) });
const streams = createStreamRegistry();
const saveStreams = debouncedSaver(ext.storage.session, STREAMS_KEY, 500);

const link = createNativeLink({
  connectNative: (name) => ext.runtime.connectNative(name),
  lastError: (port) => (port && port.error && port.error.message) || (ext.runtime.lastError && ext.runtime.lastError.message) || null,
  outbox,
  timers: globalThis,
  hello: { extensionVersion: ext.runtime.getManifest().version, browser: browserName() },
  onState: (state) => {
    if (state === 'connected' && startup.connected === null) startup.connected = Math.round(performance.now());
  },
  onMessage: (msg) => {
    if (msg.type === 'diagnosis') breaks.onDiagnosis(msg);
  },
});

const breaks = createBreaks({
  storage: ext.storage,
  notifications: ext.notifications,
  action: ext.action,
  t,
  iconUrl: ext.runtime.getURL('icons/icon-128.png'),
  settings: loadSettings,
  now: Date.now,
  log: (entry) => notificationsCreated.push(entry),
  caps,
});

// Without the helper app, breaks come from browser evidence alone (the events still wait in the
// outbox for the host, whose verdict replaces these once it connects: breaks.js).
const local = createLocalDetector();
const settling = new Map(); // stream → timer
function watchLocal(event) {
  const stream = local.observe(event);
  if (!stream || settling.has(stream)) return;
  settling.set(stream, setTimeout(() => {
    settling.delete(stream);
    const v = local.take(stream);
    if (!v || link.state === 'connected') return;
    if (v.withdraw) breaks.withdrawLocal(v.withdraw);
    else breaks.onLocal(v.brk);
  }, SETTLE_MS));
}

function emit(event) {
  if (!event) return;
  const sent = link.send(event);
  if (!sent) return;
  outgoing.push(JSON.stringify(sent));
  if (outgoing.length > LOG_LIMIT) outgoing.shift();
  watchLocal(sent);
}

// Stream events pass the page's budget first (budget.js); what it drops goes out as one counted
// summary per tab and site a few seconds later.
const budget = createRelayBudget();
const SUMMARY_DELAY_MS = 5000;
let summaryTimer = null;
function relay(event) {
  if (!event) return;
  if (budget.admit(event)) {
    emit(event);
    return;
  }
  if (summaryTimer === null) {
    summaryTimer = setTimeout(() => {
      summaryTimer = null;
      for (const summary of budget.takeSummary()) emit(summary);
    }, SUMMARY_DELAY_MS);
  }
}

const inventory = createInventory(ext, ext.runtime.id, emit, caps);
const remedies = createRemedies({ ext, link, storage: ext.storage.local });
const connectivity = createConnectivity(navigator, emit);

const router = createRouter({
  self: { id: ext.runtime.id, origin: ext.runtime.getURL('') },
  handlers: {
    'hook.event': (msg, sender) => {
      const event = cleanHookEvent(msg.event);
      if (!event) return { ok: false, error: 'invalid_event' };
      const out = streams.toProtocol(event, sender.tab.id);
      // Held-back request errors of this tab go out with the stream they belong to: after its
      // open, before anything else (its end in particular).
      if (out && out.type === 'stream.open') relay(out);
      requests.flush(sender.tab.id);
      if (out && out.type !== 'stream.open') relay(out);
      saveStreams(streams.snapshot());
      return { ok: true };
    },
    'page.hide': (msg, sender) => {
      for (const end of streams.endTab(sender.tab.id, Date.now())) relay(end);
      saveStreams(streams.snapshot());
      return { ok: true };
    },
    ...createUiHandlers({ ext, link, streams, breaks, inventory, remedies, emit, caps, log: (entry) => notificationsCreated.push(entry) }),
  },
});

// ---- listeners (top level, synchronous) ----
ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  router.route(msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e && e.message) }));
  return true;
});
const requests = watchRequests(ext, streams, emit);
watchProxy(ext, emit);
watchCookies(ext, emit);
inventory.watch();
ext.tabs.onRemoved.addListener((tabId) => {
  for (const end of streams.endTab(tabId, Date.now())) relay(end);
  streams.dropTab(tabId);
});
const notes = createNotificationHandlers({ ext, breaks, remedies, log: (entry) => notificationsCreated.push(entry) });
ext.notifications.onClicked.addListener(notes.onClicked);
ext.notifications.onButtonClicked.addListener(notes.onButtonClicked);
globalThis.addEventListener('online', connectivity);
globalThis.addEventListener('offline', connectivity);
if (navigator.connection && navigator.connection.addEventListener) navigator.connection.addEventListener('change', connectivity);
ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== 'sd-tick') return;
  connectivity();
  link.retryNow();
});
ext.alarms.create('sd-tick', { periodInMinutes: 1 });

// ---- startup ----
// Milliseconds since this worker started (performance.timeOrigin) at each step, for tests and bug
// reports: a host that "stays connecting" shows here whether the wait was ours or the host's.
const startup = { restored: null, connecting: null, connected: null, breaksLoaded: null };
const ready = (async () => {
  try {
    const got = await ext.storage.session.get([OUTBOX_KEY, STREAMS_KEY]);
    outbox.restore(got[OUTBOX_KEY]);
    streams.restore(got[STREAMS_KEY]);
  } catch {
    // fresh start
  }
  startup.restored = Math.round(performance.now());
  // The host first: only the outbox (storage.session, in memory) must be back before the hello,
  // for its unacked events go out right after it. The break list in storage.local is not needed
  // to connect (breaks.onDiagnosis loads it itself); in Firefox its first read opens the add-on's
  // IndexedDB database, one more wait before the hello (docs/testing.md, fresh machine).
  link.start();
  startup.connecting = Math.round(performance.now());
  await breaks.load().catch(() => {});
  startup.breaksLoaded = Math.round(performance.now());
  connectivity();
  await reportProxy(ext, emit, caps);
  await inventory.refresh();
  // extensions turned off "for a test" stay off across a browser restart: remind once per
  // browser session (storage.session is cleared when the browser closes, not when the worker sleeps)
  await remindDisabled({ ext, inventory, log: (entry) => notificationsCreated.push(entry) }).catch(() => {});
})();

// ---- test/debug state (readable only inside the worker: pages cannot reach it) ----
function snapshot() {
  return {
    connection: link.state,
    connectionDetail: link.detail,
    hostInfo: link.hostInfo,
    startup: { ...startup },
    outboxSize: outbox.size,
    outboxDropped: outbox.dropped,
    outboxTooLarge: outbox.tooLarge,
    outgoing: outgoing.slice(),
    notificationsCreated: notificationsCreated.slice(),
    router: { ...router.stats },
    streams: streams.snapshot(),
    streamingTabs: streams.streamingTabs(),
    lastBreaks: breaks.cached(),
    gaps: caps.list(),
  };
}
Object.defineProperty(globalThis, '__streamdoctor', {
  configurable: true,
  get: () => ({
    ...snapshot(),
    ready,
    /** Plain JSON-able state (what e2e/lib/harness.mjs polls). */
    snapshot,
    disabledForTest: () => ext.storage.local.get(DISABLED_KEY),
    /** Feeds a message as if the host had sent it (browser tests run without a host). */
    inject: (msg) => (msg && msg.type === 'diagnosis' ? breaks.onDiagnosis(msg) : null),
  }),
});
