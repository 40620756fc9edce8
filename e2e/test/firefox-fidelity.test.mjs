// The page hook's invisibility in a real Firefox. The probes of the Chromium fidelity test
// (extension/test-support/fidelity-probe.mjs: fetch, body streams, WebSocket, EventSource, errors
// and stacks; fidelity-probe-ws.mjs: the WebSocket `onmessage` handler, inside which the hook
// counts frames) run in two tabs of one Firefox, against the extension's lab server: a page the
// hook is injected into (http://127.0.0.1, a content-script match) and one it is not (a made-up
// name, which this test profile resolves to 127.0.0.1 too, outside the matches). What the page
// can see must be identical once the page's own URL is swapped, except the one documented
// stack difference; and the hook must have observed the streams.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildFirefoxExtension, firefoxPrerequisites, launchFirefox, makeFirefoxHome } from '../lib/firefox.mjs';
import { fidelityProbe } from '../../extension/test-support/fidelity-probe.mjs';
import { wsHandlerProbe } from '../../extension/test-support/fidelity-probe-ws.mjs';
import { startLabServer } from '../../extension/test-support/lab-server.mjs';

const pre = firefoxPrerequisites();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;

let server;
let fx;
let ff;

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  buildFirefoxExtension();
  server = await startLabServer({ answer: 'probe-answer' });
  fx = makeFirefoxHome('fidelity');
  ff = await launchFirefox(fx);
}, { timeout: 120_000 });

after(async () => {
  if (ff) await ff.close();
  if (server) await server.close();
  if (fx) fx.cleanup();
});

/** Runs `probe` in a new tab of `origin` (the tab stays open: the caller closes it), with the
 * page's own origin in its result replaced by `as`. */
async function probeIn(probe, origin, as, tabs) {
  const page = await ff.bidi.openTab(origin + '/page.html');
  tabs.push(page);
  const args = { origin, wsOrigin: origin.replace(/^http/, 'ws') };
  const r = await ff.bidi.send('script.evaluate', {
    expression: `(${probe.toString()})(${JSON.stringify(args)}).then(JSON.stringify)`,
    target: { context: page }, awaitPromise: true, resultOwnership: 'none',
  }, 60_000);
  if (r.type === 'exception') throw new Error(`probe failed: ${r.exceptionDetails.text}`);
  const host = (o) => o.replace(/^http:\/\//, '');
  return JSON.parse(r.result.value.split(host(origin)).join(host(as)));
}

/** The add-on's outgoing events, once `done(events)` holds or 10 s passed. */
async function addonEvents(done) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const events = await ff.evalBg('globalThis.__streamdoctor.snapshot().outgoing.map((x) => JSON.parse(x))');
    if (done(events) || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The hook's events for the handler probe's socket, once its stream.end reached the add-on. */
async function handlerStreamEvents() {
  const mine = (events) => {
    const ids = events.filter((e) => e.type === 'stream.open' && String(e.url).endsWith('/lab/ws/handlers')).map((e) => e.stream);
    return events.filter((e) => ids.includes(e.stream));
  };
  return mine(await addonEvents((events) => mine(events).some((e) => e.type === 'stream.end')));
}

/**
 * Runs `probe` in the unhooked tab, then the hooked one, and `observed()` (the add-on's view)
 * before either tab closes: closing a tab ends its streams. Returns {plain, hooked, seen}.
 */
async function probeBoth(probe, observed) {
  const plainOrigin = `http://plain.streamdoctor.invalid:${new URL(server.origin).port}`;
  const tabs = [];
  try {
    const plain = await probeIn(probe, plainOrigin, plainOrigin, tabs);
    const hooked = await probeIn(probe, server.origin, plainOrigin, tabs);
    return { plain, hooked, seen: await observed() };
  } finally {
    for (const t of tabs) await ff.bidi.closeTab(t);
  }
}

test('firefox fidelity probe: identical with and without the hook', { skip, timeout: 180_000 }, async () => {
  // every way the probe consumed an SSE body ends as complete with 3 frames, or aborted
  const outcomes = (events) => events.filter((e) => e.type === 'stream.end' && e.closeCode === null).map((e) => `${e.outcome}/${e.frames}/${e.terminalSeen}`);
  const { plain, hooked, seen: ends } = await probeBoth(fidelityProbe,
    async () => outcomes(await addonEvents((events) => outcomes(events).filter((o) => o === 'complete/3/true').length >= 8)));
  assert.ok(plain.wsEvents.length >= 7, 'the probe exercised the socket');
  assert.match(plain.sse.text, /\[DONE\]/);
  for (const key of Object.keys(plain)) assert.deepEqual(hooked[key], plain[key], `difference in ${key}`);
  assert.deepEqual(Object.keys(hooked).sort(), Object.keys(plain).sort());
  assert.ok(ends.filter((o) => o === 'complete/3/true').length >= 8, `complete SSE bodies: ${ends}`);
  assert.ok(ends.filter((o) => o.startsWith('aborted/')).length >= 2, `aborted SSE bodies: ${ends}`);
});

test('firefox onmessage probe: identical with and without the hook, every frame counted once', { skip, timeout: 120_000 }, async () => {
  const { plain, hooked, seen: events } = await probeBoth(wsHandlerProbe, handlerStreamEvents);
  assert.equal(plain.close[2], 18, 'the probe got its 18 frames');
  if (process.env.FIDELITY_DUMP) (await import('node:fs')).writeFileSync(process.env.FIDELITY_DUMP, JSON.stringify({ plain, hooked }, null, 1));
  // Firefox's form of the one known difference (extension/README.md), in the stack of an Error
  // the page's handler throws: our handler's frame, and the async parent (where the page set
  // onmessage) recorded under our setter's frame instead of with the "EventHandlerNonNull" label.
  let ours = 0;
  for (const r of hooked.reported) {
    if (!Array.isArray(r[4])) continue;
    r[4][1] = r[4][1].replace(/\nhandler@<anonymous code>:\d+:\d+\nAsync\*apply@<anonymous code>:\d+:\d+\n/, () => {
      ours++;
      return '\nEventHandlerNonNull*';
    });
  }
  assert.equal(ours, 2, `our frames under the two Errors thrown by the page handler: ${JSON.stringify(hooked.reported)}`);
  for (const key of Object.keys(plain)) assert.deepEqual(hooked[key], plain[key], `difference in ${key}`);
  // the hook saw the hooked page's socket (and only that one), each frame once
  const ends = events.filter((e) => e.type === 'stream.end').map((e) => ({ frames: e.frames, closeCode: e.closeCode }));
  assert.deepEqual(ends, [{ frames: 18, closeCode: 1000 }], JSON.stringify(events));
});
