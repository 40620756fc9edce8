// Service worker entry: wires the modules and registers every listener synchronously at the top
// level (MV3 wakes the worker for them). Startup state comes back from storage.session, so a
// restarted worker resumes its outbox and stream list cheaply.
import { ext, browserName, isFirefox, t } from '../src/ext.js';
import { createCapabilities } from './capabilities.js';
import { cleanHookEvent } from '../src/common/wire.js';
import { REMEDIES } from '../src/common/causes.js';
import { createOutbox, debouncedSaver, OUTBOX_KEY } from './outbox.js';
import { createNativeLink } from './native.js';
import { createRouter } from './router.js';
import { createStreamRegistry } from './streams.js';
import { watchRequests, watchProxy, reportProxy, createConnectivity, watchCookies } from './evidence.js';
import { createInventory } from './inventory.js';
import { createBreaks } from './breaks.js';
import { createRemedies, DISABLED_KEY } from './remedies.js';
import { createUiHandlers, loadSettings } from './ui.js';

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
  log: (entry) => notificationsCreated.push(entry),
  caps,
});

function emit(event) {
  if (!event) return;
  const sent = link.send(event);
  outgoing.push(JSON.stringify(sent));
  if (outgoing.length > LOG_LIMIT) outgoing.shift();
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
      if (out && out.type === 'stream.open') emit(out);
      requests.flush(sender.tab.id);
      if (out && out.type !== 'stream.open') emit(out);
      saveStreams(streams.snapshot());
      return { ok: true };
    },
    'page.hide': (msg, sender) => {
      for (const end of streams.endTab(sender.tab.id, Date.now())) emit(end);
      saveStreams(streams.snapshot());
      return { ok: true };
    },
    ...createUiHandlers({ ext, link, streams, breaks, inventory, remedies, emit, caps }),
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
  for (const end of streams.endTab(tabId, Date.now())) emit(end);
  streams.dropTab(tabId);
});
ext.notifications.onClicked.addListener((id) => {
  const tabId = Number(String(id).replace(/^sd:b-\d+-/, '').split(':')[0]);
  ext.tabs.create({ url: ext.runtime.getURL('popup/popup.html') + (Number.isInteger(tabId) ? '?tab=' + tabId : '') });
});
ext.notifications.onButtonClicked.addListener(async (id, index) => {
  const remedy = (await breaks.remediesForNotification(id))[index];
  const action = remedy && REMEDIES[remedy] ? REMEDIES[remedy].action : null;
  const brk = await breaks.find(String(id).slice(3));
  const tabId = brk ? Number(String(brk.stream || '').split(':')[0]) : null;
  if (!action || action === 'tab:disable_extension') {
    ext.tabs.create({ url: ext.runtime.getURL('popup/popup.html') + (tabId >= 0 ? '?tab=' + tabId : '') });
    return;
  }
  remedies(action.split(':')[1], { tabId, siteId: brk && brk.site });
});
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
