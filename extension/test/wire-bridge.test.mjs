import test from 'node:test';
import assert from 'node:assert/strict';
import { cleanHookEvent, HELLO_EVENT } from '../src/common/wire.js';
import { installBridge, configFor } from '../src/bridge/bridge.js';

const end = { type: 'stream.end', ts: 5, stream: 'wv6kre.1', outcome: 'error', frames: 3, bytes: 30, gapMeanMs: null, gapP95Ms: null, gapMaxMs: null, durationMs: 8, terminalSeen: false, closeCode: 1006, wasClean: false, errorName: null, httpStatus: null, lastFrameAgoMs: 2 };

test('cleanHookEvent_validEvent_copiedWithoutExtraFields', () => {
  const got = cleanHookEvent({ ...end, answer: 'free text', prompt: 'x' });
  assert.deepEqual(got, end);
});

test('cleanHookEvent_freeTextInAnyField_rejected', () => {
  const bad = [
    { ...end, errorName: 'Type Error with text' },
    { ...end, outcome: 'whatever' },
    { type: 'stream.error', ts: 1, stream: 'wv6kre.1', errorType: 'CANARY-7f3a9', httpStatus: null },
    { type: 'page.banner', ts: 1, site: 'lab', symptom: 'network_error', pattern: 'Network error: details' },
    { type: 'stream.open', ts: 1, stream: 'wv6kre.1', site: 'lab', url: 'http://127.0.0.1/x?q=prompt', kind: 'sse', payloadBytes: 1 },
    { type: 'stream.open', ts: 1, stream: 'wv6kre.1', site: 'lab', url: 'http://127.0.0.1/x y', kind: 'sse', payloadBytes: 1 },
    { type: 'stream.open', ts: 1, stream: 'tab:12', site: 'lab', url: null, kind: 'sse' },
    { type: 'browser.proxy', ts: 1 },
    { type: 'stream.end', ts: -1 },
    null,
    'stream.end',
  ];
  for (const b of bad) assert.equal(cleanHookEvent(b), null, JSON.stringify(b));
});

test('cleanHookEvent_throwingGetter_nullNotThrow', () => {
  const evil = { type: 'stream.first_token', ts: 1, stream: 'a.1' };
  Object.defineProperty(evil, 'ttftMs', { get() { throw new Error('x'); }, enumerable: true });
  assert.equal(cleanHookEvent(evil), null);
});

test('configFor_settings_enabledAndFloor', () => {
  assert.deepEqual(configFor('chatgpt', undefined), { enabled: true, stallFloorMs: 0 });
  assert.deepEqual(configFor('chatgpt', { sites: { chatgpt: false }, stallFloorS: 20 }), { enabled: false, stallFloorMs: 20000 });
  assert.deepEqual(configFor('lab', { stallFloorS: 99999 }), { enabled: true, stallFloorMs: 600000 });
});

function bridgeOn(doc) {
  const sent = [];
  const api = { runtime: { sendMessage: async (m) => sent.push(m) }, storage: { local: { get: async () => ({}) }, onChanged: { addListener() {} } } };
  const bridge = installBridge({ doc, api, hostname: 'chatgpt.com', randomHex: () => 'abc' });
  return { bridge, sent };
}

test('bridge_hookRunsAfterBridge_handshakeStillAgrees', () => {
  const doc = new EventTarget();
  const { bridge } = bridgeOn(doc);
  let learned = null;
  doc.addEventListener(HELLO_EVENT, (ev) => {
    if (ev.detail.startsWith('bridge:')) learned = ev.detail.slice(7);
  });
  doc.dispatchEvent(new CustomEvent(HELLO_EVENT, { detail: 'hook' })); // the hook's hello
  assert.equal(learned, bridge.name);
});

test('bridge_afterReady_helloNoLongerAnswered', () => {
  const doc = new EventTarget();
  const { bridge } = bridgeOn(doc);
  doc.dispatchEvent(new CustomEvent(bridge.name, { detail: 'ready' }));
  let answered = false;
  doc.addEventListener(HELLO_EVENT, (ev) => {
    if (ev.detail.startsWith('bridge:')) answered = true;
  });
  doc.dispatchEvent(new CustomEvent(HELLO_EVENT, { detail: 'hook' })); // a page script probing
  assert.equal(answered, false);
});

test('bridge_messages_validatedBeforeForwarding', async () => {
  const doc = new EventTarget();
  const { bridge, sent } = bridgeOn(doc);
  doc.dispatchEvent(new CustomEvent(bridge.name, { detail: JSON.stringify(end) }));
  doc.dispatchEvent(new CustomEvent(bridge.name, { detail: JSON.stringify({ ...end, outcome: 'CANARY' }) }));
  doc.dispatchEvent(new CustomEvent(bridge.name, { detail: '{not json' }));
  doc.dispatchEvent(new CustomEvent(bridge.name, { detail: { type: 'stream.end' } }));
  doc.dispatchEvent(new CustomEvent(bridge.name, { detail: 'x'.repeat(5000) }));
  assert.deepEqual(sent, [{ type: 'hook.event', event: end }]);
});

/** A window whose pagehide listeners the test calls with events it shapes (isTrusted included). */
function fakeWindow() {
  const listeners = [];
  return {
    addEventListener: (type, fn) => { if (type === 'pagehide') listeners.push(fn); },
    fire: (ev) => listeners.forEach((fn) => fn(ev)),
  };
}

test('bridge_pagehide_tellsTheWorker_unlessKeptInBfcache', () => {
  const win = fakeWindow();
  const doc = new EventTarget();
  doc.defaultView = win;
  const { sent } = bridgeOn(doc);
  win.fire({ type: 'pagehide', isTrusted: true, persisted: true });
  assert.deepEqual(sent, []);
  win.fire({ type: 'pagehide', isTrusted: true, persisted: false });
  assert.deepEqual(sent, [{ type: 'page.hide' }]);
});

// A page script can dispatch its own pagehide: it would end every stream of the tab as aborted.
test('bridge_pagehideFromAPageScript_isIgnored', () => {
  const win = new EventTarget();
  const doc = new EventTarget();
  doc.defaultView = win;
  const { sent } = bridgeOn(doc);
  const forged = new Event('pagehide');
  forged.persisted = false;
  win.dispatchEvent(forged);
  assert.equal(forged.isTrusted, false);
  assert.deepEqual(sent, []);
});

test('cleanHookEvent_connectingStallAndNotLoaded_passOnlyTheirEnums', () => {
  const stall = { type: 'stream.stall', ts: 1, stream: 'abc.1', silentMs: 15000, thresholdMs: 15000 };
  assert.deepEqual(cleanHookEvent({ ...stall, phase: 'connecting' }), { ...stall, phase: 'connecting' });
  assert.deepEqual(cleanHookEvent(stall), stall, 'phase is optional');
  assert.equal(cleanHookEvent({ ...stall, phase: 'Connecting to my prompt' }), null);
  const init = { type: 'page.init_failed', ts: 1, site: 'chatgpt', reason: 'not_loaded', failedScripts: 0 };
  assert.deepEqual(cleanHookEvent(init), init);
});
