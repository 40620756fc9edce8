// The worker connects to the host before it reads its stored breaks: the hello must not wait on
// storage.local, whose first read on a new Firefox profile sets the profile's extension storage up
// (docs/testing.md, "Deterministic on a fresh machine"). Loads the real background/main.js against
// a stand-in browser API in which storage.local never answers.
import test from 'node:test';
import assert from 'node:assert/strict';

/** A browser API stand-in: every call resolves {}, every event accepts listeners; `overrides` by path. */
function fakeApi(overrides) {
  const make = (path) => new Proxy(function api() {}, {
    get(_, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      const p = path ? `${path}.${prop}` : prop;
      return p in overrides ? overrides[p] : make(p);
    },
    apply: () => Promise.resolve({}),
  });
  return make('');
}

test('startup_storageLocalNeverAnswers_hostConnectedAnyway', async () => {
  const connected = [];
  const posted = [];
  const port = { onMessage: { addListener() {} }, onDisconnect: { addListener() {} }, postMessage: (m) => posted.push(m) };
  globalThis.chrome = fakeApi({
    'runtime.connectNative': (name) => { connected.push(name); return port; },
    'runtime.getManifest': () => ({ version: '0.0.0-test' }),
    'runtime.getURL': (p) => `chrome-extension://test/${p}`,
    'storage.session.get': async () => ({}),
    'storage.local.get': () => new Promise(() => {}), // a first read that never finishes
  });
  globalThis.navigator ??= { onLine: true };
  globalThis.addEventListener ??= () => {}; // the worker's online/offline events
  await import('../background/main.js');
  for (let i = 0; i < 50 && connected.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(connected, ['io.streamdoctor.host']);
  assert.equal(posted[0].type, 'client.hello');
  const { startup } = globalThis.__streamdoctor.snapshot();
  assert.ok(startup.connecting !== null && startup.breaksLoaded === null, JSON.stringify(startup));
});
