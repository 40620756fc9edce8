// Privacy in real Chromium: a page streams the canary through SSE, a Claude-like error stream,
// WebSocket frames (both directions), EventSource, a fetch request body, URL queries, a failing
// status body and an error banner. The service worker's outgoing event log (everything it would
// send to the host) must contain none of it, while the streams were really observed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadDriver, launch, withTimeout } from '../../test-support/browser.mjs';
import { startLabServer } from '../../test-support/lab-server.mjs';

const CANARY = 'CANARY-7f3a9';
const driver = await loadDriver();

function pageScript({ origin, wsOrigin, canary }) {
  const q = '?q=' + canary;
  const done = [];
  done.push(fetch(origin + '/lab/sse/' + canary + q, { method: 'POST', body: JSON.stringify({ prompt: canary }) }).then((r) => r.text()));
  done.push(fetch(origin + '/lab/claude/run' + q, { method: 'POST', body: canary }).then((r) => r.text()));
  done.push(fetch(origin + '/status500' + q).then((r) => r.text()));
  done.push(
    new Promise((resolve) => {
      const ws = new WebSocket(wsOrigin + '/lab/ws/' + canary + q);
      ws.onopen = () => ws.send(JSON.stringify({ prompt: canary }));
      let n = 0;
      ws.onmessage = () => {
        if (++n === 3) {
          ws.send('drop');
        }
      };
      ws.onclose = () => resolve();
    }),
  );
  done.push(
    new Promise((resolve) => {
      const es = new EventSource(origin + '/lab/es' + q);
      es.onmessage = (ev) => {
        if (ev.data === '[DONE]') {
          es.close();
          resolve();
        }
      };
    }),
  );
  const banner = document.createElement('div');
  banner.setAttribute('role', 'alert');
  banner.setAttribute('data-sd-banner', '');
  banner.textContent = 'Error in message stream ' + canary;
  document.body.append(banner);
  return Promise.all(done).then(() => 'ok');
}

test('canary_everyPagePath_neverInWorkerOutgoingLog', { skip: driver.skip, timeout: 120000 }, async () => {
  const server = await startLabServer({ answer: CANARY });
  const b = await launch(driver.chromium, { extension: true });
  try {
    // Worker fully started (state restored, inventory taken) before the page streams, as in
    // extensions.test.mjs: on a loaded machine a cold worker otherwise races the first events.
    await withTimeout(b.worker.evaluate(async () => {
      await globalThis.__streamdoctor.ready;
      return true;
    }), 30000, 'worker ready');
    const page = await b.context.newPage();
    await page.goto('about:blank');
    await withTimeout(page.goto(`${server.origin}/page.html?c=${CANARY}`), 15000, 'open page');
    assert.equal(await withTimeout(page.evaluate(pageScript, { origin: server.origin, wsOrigin: server.wsOrigin, canary: CANARY }), 20000, 'page streams'), 'ok');
    const events = await withTimeout(
      (async () => {
        for (;;) {
          const log = await b.worker.evaluate(() => globalThis.__streamdoctor.outgoing);
          const parsed = log.map((e) => JSON.parse(e));
          // Wait for every fact asserted below, not only the page's: webRequest's onCompleted
          // (browser.http_status) reaches the worker on its own schedule, after the page's fetch
          // may already have resolved and its stream.end been relayed.
          const ends = parsed.filter((e) => e.type === 'stream.end').length;
          const seen = (type) => parsed.some((e) => e.type === type);
          const saw500 = parsed.some((e) => e.type === 'browser.http_status' && e.status === 500);
          if (ends >= 4 && seen('page.banner') && saw500 && seen('stream.error')) return { log, parsed };
          await new Promise((r) => setTimeout(r, 200));
        }
      })(),
      20000,
      'worker saw the streams',
    );
    const all = events.log.join('\n');
    assert.ok(!all.includes(CANARY) && !all.includes('7f3a9'), 'canary leaked: ' + all.slice(Math.max(0, all.indexOf('7f3a9') - 300), all.indexOf('7f3a9') + 50));
    const kinds = events.parsed.filter((e) => e.type === 'stream.open').map((e) => e.kind);
    for (const k of ['sse', 'ws', 'eventsource']) assert.ok(kinds.includes(k), `observed a ${k} stream`);
    assert.ok(events.parsed.some((e) => e.type === 'stream.error' && e.errorType === 'overloaded_error'));
    assert.ok(events.parsed.some((e) => e.type === 'page.banner' && e.pattern === 'error_in_message_stream'));
    assert.ok(events.parsed.some((e) => e.type === 'browser.http_status' && e.status === 500));
    assert.ok(events.parsed.some((e) => e.type === 'stream.end' && e.closeCode === 1006 && e.wasClean === false));
    const state = await b.worker.evaluate(() => ({ c: globalThis.__streamdoctor.connection, refused: globalThis.__streamdoctor.router.refused }));
    assert.equal(state.c, 'missing', 'no host installed in the test browser: plain "missing" state');
  } finally {
    await b.close();
    await server.close();
  }
});
