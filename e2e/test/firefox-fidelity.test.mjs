// The WebSocket `onmessage` handler in a real Firefox (the hook counts frames inside it:
// extension/src/hook/ws-onmessage.js). The probe the Chromium fidelity test uses
// (extension/test-support/fidelity-probe-ws.mjs) runs in two tabs of one Firefox: a page the hook
// is injected into (http://127.0.0.1, a content-script match) and one it is not (a made-up name,
// which this test profile resolves to 127.0.0.1 too, outside the matches). What the page can see
// must be identical, except the one documented line; and the hook must count every frame once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { buildFirefoxExtension, firefoxPrerequisites, launchFirefox, makeFirefoxHome } from '../lib/firefox.mjs';
import { wsHandlerProbe } from '../../extension/test-support/fidelity-probe-ws.mjs';

const pre = firefoxPrerequisites();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;

let server;
let fx;
let ff;

/** A blank page, and sockets that answer each text with 3 frames (as the extension's lab-server). */
async function startProbeServer() {
  const s = http.createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>probe</title>');
  });
  const wss = new WebSocketServer({ noServer: true });
  s.on('upgrade', (req, socket, head) => {
    if (!req.url.startsWith('/lab/ws/')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data) => {
        const text = data.toString();
        if (text === 'close-normal') return ws.close(1000, 'bye');
        ws.send(JSON.stringify({ event: 'appendText', text: 'probe-answer' }));
        ws.send(JSON.stringify({ event: 'appendText', text: 'echo:' + text }));
        ws.send(JSON.stringify({ event: 'done' }));
      });
    });
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return {
    port: s.address().port,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    },
  };
}

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  buildFirefoxExtension();
  server = await startProbeServer();
  fx = makeFirefoxHome('fidelity');
  ff = await launchFirefox(fx);
}, { timeout: 120_000 });

after(async () => {
  if (ff) await ff.close();
  if (server) await server.close();
  if (fx) fx.cleanup();
});

/** Runs the probe in a new tab of `origin`; the tab stays open (the caller closes it). */
async function probeIn(origin, tabs) {
  const page = await ff.bidi.openTab(origin + '/');
  tabs.push(page);
  const r = await ff.bidi.send('script.evaluate', {
    expression: `(${wsHandlerProbe.toString()})(${JSON.stringify({ wsOrigin: origin.replace(/^http/, 'ws') })}).then(JSON.stringify)`,
    target: { context: page }, awaitPromise: true, resultOwnership: 'none',
  }, 30_000);
  if (r.type === 'exception') throw new Error(`probe failed: ${r.exceptionDetails.text}`);
  return JSON.parse(r.result.value);
}

/** The hook's events for the handler probe's socket, once its stream.end reached the add-on. */
async function handlerStreamEvents() {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const events = await ff.evalBg(`(() => {
      const events = globalThis.__streamdoctor.snapshot().outgoing.map((x) => JSON.parse(x));
      const ids = events.filter((e) => e.type === 'stream.open' && String(e.url).endsWith('/lab/ws/handlers')).map((e) => e.stream);
      return events.filter((e) => ids.includes(e.stream));
    })()`);
    if (events.some((e) => e.type === 'stream.end') || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('firefox onmessage probe: identical with and without the hook, every frame counted once', { skip, timeout: 120_000 }, async () => {
  const plainOrigin = `http://plain.streamdoctor.invalid:${server.port}`;
  const hookedOrigin = `http://127.0.0.1:${server.port}`;
  const tabs = [];
  let plain;
  let hooked;
  let events;
  try {
    plain = await probeIn(plainOrigin, tabs);
    // the page's URL is part of its stacks and error events: the hooked tab's is put in its place
    hooked = JSON.parse(JSON.stringify(await probeIn(hookedOrigin, tabs)).split(hookedOrigin).join(plainOrigin));
    events = await handlerStreamEvents(); // before the tab closes, which would end the stream
  } finally {
    for (const t of tabs) await ff.bidi.closeTab(t);
  }
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
